package dev.daybook.projects;

import jakarta.persistence.EntityManager;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import dev.daybook.support.WorkspaceData;

/** Projects go last: other modules' rows refer to them. */
@Component
@Order(900)
class ProjectsWorkspaceData implements WorkspaceData {

    private final EntityManager entityManager;
    private final ProjectLeads leads;

    ProjectsWorkspaceData(EntityManager entityManager, ProjectLeads leads) {
        this.entityManager = entityManager;
        this.leads = leads;
    }

    @Override
    public void deleteWorkspace(String teamId) {
        leads.deleteWorkspace(teamId);
        entityManager.createQuery("delete from ProjectEntity p where p.teamId = :teamId")
                .setParameter("teamId", teamId).executeUpdate();
    }
}
