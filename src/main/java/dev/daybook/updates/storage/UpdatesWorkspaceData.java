package dev.daybook.updates.storage;

import jakarta.persistence.EntityManager;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import dev.daybook.support.WorkspaceData;

@Component
@Order(100)
class UpdatesWorkspaceData implements WorkspaceData {

    private final EntityManager entityManager;

    UpdatesWorkspaceData(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public void deleteWorkspace(String teamId) {
        for (String entity : new String[] {"UpdateItemEntity", "UpdateRevisionEntity", "UpdateEntity",
                "UpdatePromptEntity", "ProjectHeadingEntity"}) {
            entityManager.createQuery("delete from " + entity + " e where e.teamId = :teamId")
                    .setParameter("teamId", teamId).executeUpdate();
        }
    }
}
