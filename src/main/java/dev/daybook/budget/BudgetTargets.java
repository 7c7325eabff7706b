package dev.daybook.budget;

import java.util.Optional;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface BudgetTargets extends JpaRepository<BudgetTargetEntity, Long> {

    Optional<BudgetTargetEntity> findByTeamId(String teamId);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select t from BudgetTargetEntity t where t.teamId = :teamId")
    Optional<BudgetTargetEntity> lock(String teamId);
}
