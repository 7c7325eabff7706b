package dev.daybook.people;

import java.time.Instant;
import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "person_away")
class PersonAwayEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String teamId;

    @Column(nullable = false)
    private String userId;

    @Column(nullable = false)
    private LocalDate firstDay;

    @Column(nullable = false)
    private LocalDate lastDay;

    @Column(nullable = false)
    private Instant createdAt;

    protected PersonAwayEntity() {
    }

    PersonAwayEntity(String teamId, String userId, LocalDate firstDay, LocalDate lastDay, Instant now) {
        this.teamId = teamId;
        this.userId = userId;
        this.firstDay = firstDay;
        this.lastDay = lastDay;
        this.createdAt = now;
    }

    String teamId() {
        return teamId;
    }

    String userId() {
        return userId;
    }

    LocalDate firstDay() {
        return firstDay;
    }

    void endOn(LocalDate day) {
        this.lastDay = day;
    }

    AwayPeriod toPeriod() {
        return new AwayPeriod(firstDay, lastDay);
    }
}
