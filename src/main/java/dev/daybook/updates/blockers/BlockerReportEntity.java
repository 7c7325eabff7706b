package dev.daybook.updates.blockers;

import java.time.LocalDate;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One update listing one blocker. */
@Entity
@Table(name = "blocker_report")
class BlockerReportEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String teamId;

    @Column(nullable = false)
    private long blockerId;

    @Column(nullable = false)
    private long updateId;

    @Column(name = "work_day", nullable = false)
    private LocalDate day;

    protected BlockerReportEntity() {
    }

    BlockerReportEntity(String teamId, long blockerId, long updateId, LocalDate day) {
        this.teamId = teamId;
        this.blockerId = blockerId;
        this.updateId = updateId;
        this.day = day;
    }
}
