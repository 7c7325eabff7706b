package dev.daybook.updates.storage;

import java.util.List;
import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface UpdatePrompts extends JpaRepository<UpdatePromptEntity, Long> {

    Optional<UpdatePromptEntity> findByIdAndTeamId(long id, String teamId);

    /** The questions still open about one channel post. */
    @Query("""
            select p from UpdatePromptEntity p
             where p.teamId = :teamId and p.channelId = :channelId and p.messageTs = :messageTs and p.decision is null
            """)
    List<UpdatePromptEntity> findOpenAbout(String teamId, String channelId, String messageTs);

    List<UpdatePromptEntity> findByTeamIdAndUserId(String teamId, String userId);
}
