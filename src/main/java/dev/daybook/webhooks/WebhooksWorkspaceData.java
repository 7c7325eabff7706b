package dev.daybook.webhooks;

import jakarta.persistence.EntityManager;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import dev.daybook.support.WorkspaceData;

@Component
@Order(250)
class WebhooksWorkspaceData implements WorkspaceData {

    private final EntityManager entityManager;

    WebhooksWorkspaceData(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public void deleteWorkspace(String teamId) {
        entityManager.createQuery("delete from WebhookDeliveryEntity e where e.teamId = :teamId")
                .setParameter("teamId", teamId).executeUpdate();
        entityManager.createQuery("delete from WebhookEntity e where e.teamId = :teamId")
                .setParameter("teamId", teamId).executeUpdate();
    }
}
