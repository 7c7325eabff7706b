package dev.daybook.people;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Where one owner's days off come from (see V40__calendars.sql), with the last good copy of a feed. */
@Entity
@Table(name = "calendar_source")
class CalendarSourceEntity {

    enum Kind { WORKSPACE, PROJECT, PERSON }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String teamId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Kind ownerKind;

    @Column(nullable = false)
    private String ownerId;

    private String url;

    @Column(length = 65535)
    private String listedDays;

    @Column(length = 65535)
    private String fetchedDays;

    private Instant fetchedAt;

    private String problem;

    @Column(nullable = false)
    private Instant updatedAt;

    protected CalendarSourceEntity() {
    }

    CalendarSourceEntity(String teamId, Kind kind, String ownerId, Instant now) {
        this.teamId = teamId;
        this.ownerKind = kind;
        this.ownerId = ownerId;
        this.updatedAt = now;
    }

    void useUrl(String url, Instant now) {
        if (!url.equals(this.url)) {
            this.fetchedDays = null; // another calendar's days are not this one's last good copy
            this.fetchedAt = null;
        }
        this.url = url;
        this.listedDays = null;
        this.problem = null;
        this.updatedAt = now;
    }

    void useListed(String days, Instant now) {
        this.url = null;
        this.listedDays = days;
        this.fetchedDays = null;
        this.fetchedAt = null;
        this.problem = null;
        this.updatedAt = now;
    }

    void fetched(String days, Instant now) {
        this.fetchedDays = days;
        this.fetchedAt = now;
        this.problem = null;
        this.updatedAt = now;
    }

    /** The latest fetch failed: say why, keep the last good copy. */
    void failed(String problem, Instant now) {
        this.problem = problem.length() > 480 ? problem.substring(0, 480) + "…" : problem;
        this.updatedAt = now;
    }

    String teamId() {
        return teamId;
    }

    Kind ownerKind() {
        return ownerKind;
    }

    String ownerId() {
        return ownerId;
    }

    String url() {
        return url;
    }

    String listedDays() {
        return listedDays;
    }

    String fetchedDays() {
        return fetchedDays;
    }

    Instant fetchedAt() {
        return fetchedAt;
    }

    String problem() {
        return problem;
    }
}
