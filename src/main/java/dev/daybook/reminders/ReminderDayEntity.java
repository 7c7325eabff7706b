package dev.daybook.reminders;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A person's reminder day once they did something with it: snoozed, or skipped. */
@Entity
@Table(name = "reminder_day_state")
class ReminderDayEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String teamId;

    @Column(nullable = false)
    private String userId;

    @Column(name = "reminder_day", nullable = false)
    private LocalDate day;

    @Column(nullable = false)
    private boolean skipped;

    private Instant snoozedUntil;

    @Column(nullable = false)
    private int snoozes;

    @Column(nullable = false)
    private Instant updatedAt;

    protected ReminderDayEntity() {
    }

    String teamId() {
        return teamId;
    }

    String userId() {
        return userId;
    }

    LocalDate day() {
        return day;
    }

    boolean skipped() {
        return skipped;
    }

    Instant snoozedUntil() {
        return snoozedUntil;
    }

    int snoozes() {
        return snoozes;
    }

    void snoozeUntil(Instant until, Instant now) {
        this.snoozedUntil = until;
        this.snoozes = snoozes + 1;
        this.updatedAt = now;
    }

    void skip(Instant now) {
        this.skipped = true;
        this.updatedAt = now;
    }
}
