package dev.daybook.budget;

import jakarta.persistence.EntityManager;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import dev.daybook.support.WorkspaceData;

@Component
@Order(300)
class BudgetWorkspaceData implements WorkspaceData {

    private final EntityManager entityManager;

    BudgetWorkspaceData(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public void deleteWorkspace(String teamId) {
        entityManager.createQuery("delete from BudgetTargetEntity e where e.teamId = :teamId")
                .setParameter("teamId", teamId).executeUpdate();
    }
}
