package dev.daybook.slack.delivery;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface SlackMessageLinks extends JpaRepository<SlackMessageLinkEntity, Long> {

    Optional<SlackMessageLinkEntity> findByTeamIdAndUpdateId(String teamId, long updateId);

    List<SlackMessageLinkEntity> findByTeamIdAndUpdateIdIn(String teamId, Collection<Long> updateIds);

    @Modifying
    @Query("delete from SlackMessageLinkEntity l where l.teamId = :teamId and l.updateId = :updateId")
    int forget(String teamId, long updateId);
}
