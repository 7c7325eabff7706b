package dev.daybook.slack.workspace;

import jakarta.persistence.EntityManager;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import dev.daybook.support.WorkspaceData;

@Component
@Order(700)
class SlackWorkspaceData implements WorkspaceData {

    private final EntityManager entityManager;

    SlackWorkspaceData(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public void deleteWorkspace(String teamId) {
        for (String entity : new String[] {"SlackDeliveryEntity", "SlackMessageLinkEntity", "SlackEventReceiptEntity", "SlackInstallationEntity"}) {
            entityManager.createQuery("delete from " + entity + " e where e.teamId = :teamId")
                    .setParameter("teamId", teamId).executeUpdate();
        }
    }
}
