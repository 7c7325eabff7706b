package dev.daybook.webhooks;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface Webhooks extends JpaRepository<WebhookEntity, Long> {

    List<WebhookEntity> findByTeamIdOrderById(String teamId);

    @Query("select count(w) > 0 from WebhookEntity w where w.teamId = :teamId and w.active = true")
    boolean anyActive(String teamId);

    @Query("select w from WebhookEntity w where w.teamId = :teamId and w.active = true"
            + " and (w.projectId is null or w.projectId = :projectId) order by w.id")
    List<WebhookEntity> activeFor(String teamId, long projectId);

    long countByTeamIdAndProjectId(String teamId, Long projectId);

    long countByTeamIdAndProjectIdIsNull(String teamId);
}
