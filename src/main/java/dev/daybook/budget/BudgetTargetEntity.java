package dev.daybook.budget;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "budget_target")
class BudgetTargetEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String teamId;

    @Column(name = "core_percent", nullable = false)
    private int core;

    @Column(name = "adjacent_percent", nullable = false)
    private int adjacent;

    @Column(name = "moonshot_percent", nullable = false)
    private int moonshot;

    private String updatedBy;

    @Column(nullable = false)
    private Instant updatedAt;

    protected BudgetTargetEntity() {
    }

    void set(BudgetTarget target, String userId, Instant now) {
        this.core = target.core();
        this.adjacent = target.adjacent();
        this.moonshot = target.moonshot();
        this.updatedBy = userId;
        this.updatedAt = now;
    }

    BudgetTarget toTarget() {
        return new BudgetTarget(core, adjacent, moonshot);
    }
}
