package dev.daybook.updates.blockers;

import dev.daybook.updates.Blockers;

import jakarta.persistence.EntityManager;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import dev.daybook.support.WorkspaceData;

/** Blockers go before the updates and projects they point to. */
@Component
@Order(90)
class BlockersWorkspaceData implements WorkspaceData {

    private final EntityManager entityManager;

    BlockersWorkspaceData(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public void deleteWorkspace(String teamId) {
        // "I'm on it" rows go with their blockers (on delete cascade); said here too, so the purge does not rely on it.
        entityManager.createNativeQuery("delete from blocker_ack where team_id = ?1").setParameter(1, teamId)
                .executeUpdate();
        for (String entity : new String[] {"BlockerReportEntity", "BlockerEntity"}) {
            entityManager.createQuery("delete from " + entity + " e where e.teamId = :teamId")
                    .setParameter("teamId", teamId).executeUpdate();
        }
    }
}
