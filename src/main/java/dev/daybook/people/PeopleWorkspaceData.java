package dev.daybook.people;

import jakarta.persistence.EntityManager;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import dev.daybook.support.WorkspaceData;

@Component
@Order(800)
class PeopleWorkspaceData implements WorkspaceData {

    private final EntityManager entityManager;

    PeopleWorkspaceData(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public void deleteWorkspace(String teamId) {
        for (String entity : new String[] {"PersonAwayEntity", "CalendarSourceEntity", "PersonEntity"}) {
            entityManager.createQuery("delete from " + entity + " e where e.teamId = :teamId")
                    .setParameter("teamId", teamId).executeUpdate();
        }
    }
}
