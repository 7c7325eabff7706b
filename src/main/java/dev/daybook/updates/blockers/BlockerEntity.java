package dev.daybook.updates.blockers;

import dev.daybook.updates.BlockerResolution;
import dev.daybook.updates.ClientAskAge;
import dev.daybook.updates.OpenBlocker;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "blocker")
public class BlockerEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String teamId;

    @Column(nullable = false)
    private long projectId;

    @Column(nullable = false)
    private String userId;

    @Column(nullable = false)
    private String textKey;

    @Column(nullable = false, length = 65535)
    private String text;

    @Column(nullable = false)
    private LocalDate firstDay;

    @Column(nullable = false)
    private LocalDate lastDay;

    private LocalDate resolvedDay;

    @Enumerated(EnumType.STRING)
    private BlockerResolution.How resolution;

    private Long resolvedUpdateId;

    private Instant resolvedAt;

    @Column(nullable = false)
    private Instant createdAt;

    /** The day (its author's) it was first marked waiting on the client; null when it does not. */
    private LocalDate clientSince;

    private String clientMarkedBy;

    protected BlockerEntity() {
    }

    /** Marks it waiting on the client from that day; a blocker marked before keeps its first day. */
    public boolean markWaitingOnClient(LocalDate day, String by) {
        if (clientSince != null) {
            return false;
        }
        this.clientSince = day;
        this.clientMarkedBy = by;
        return true;
    }

    LocalDate clientSince() {
        return clientSince;
    }

    /** The days that list it now; the text shown is that of its latest report. */
    void reported(LocalDate first, LocalDate last) {
        this.firstDay = first;
        this.lastDay = last;
    }

    void showAs(String latestText) {
        this.text = latestText;
    }

    void open() {
        this.resolvedDay = null;
        this.resolution = null;
        this.resolvedUpdateId = null;
        this.resolvedAt = null;
    }

    public void resolve(LocalDate day, BlockerResolution.How how, Long updateId, Instant now) {
        if (resolution == how && day.equals(resolvedDay) && java.util.Objects.equals(updateId, resolvedUpdateId)) {
            return; // unchanged: keep when it was first resolved
        }
        this.resolvedDay = day;
        this.resolution = how;
        this.resolvedUpdateId = updateId;
        this.resolvedAt = now;
    }

    /** Marked resolved by its author, and not reported again since. */
    boolean markedSince(LocalDate lastReported) {
        return resolution == BlockerResolution.How.MARKED && resolvedDay != null && !resolvedDay.isBefore(lastReported);
    }

    public OpenBlocker toOpen(LocalDate asOf, dev.daybook.people.WorkingCalendar authorsCalendar) {
        return new OpenBlocker(id, teamId, projectId, userId, text, firstDay,
                Math.max(0, ChronoUnit.DAYS.between(firstDay, asOf)), clientSince,
                ClientAskAge.workingDays(authorsCalendar, clientSince, asOf));
    }

    public Long id() {
        return id;
    }

    public String teamId() {
        return teamId;
    }

    public long projectId() {
        return projectId;
    }

    public String userId() {
        return userId;
    }

    public String text() {
        return text;
    }

    String textKey() {
        return textKey;
    }

    public LocalDate lastDay() {
        return lastDay;
    }

    /** Resolved by that update (a later update that dropped it, or said it was resolved). */
    boolean resolvedBy(long updateId) {
        return resolvedUpdateId != null && resolvedUpdateId == updateId;
    }

    /** Open on that day, or resolved on or after it: what an update of that day may open or resolve. */
    boolean unsettledOn(LocalDate day) {
        return resolvedDay == null || !resolvedDay.isBefore(day);
    }

    public boolean isOpen() {
        return resolvedDay == null;
    }
}
