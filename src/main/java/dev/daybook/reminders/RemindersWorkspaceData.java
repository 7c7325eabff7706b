package dev.daybook.reminders;

import jakarta.persistence.EntityManager;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import dev.daybook.support.WorkspaceData;

@Component
@Order(300)
class RemindersWorkspaceData implements WorkspaceData {

    private final EntityManager entityManager;

    RemindersWorkspaceData(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public void deleteWorkspace(String teamId) {
        entityManager.createQuery("delete from ReminderDayEntity e where e.teamId = :teamId")
                .setParameter("teamId", teamId).executeUpdate();
    }
}
