package dev.daybook.updates.storage;

import java.util.List;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

public interface UpdateRevisions extends JpaRepository<UpdateRevisionEntity, Long> {

    List<UpdateRevisionEntity> findByUpdateIdOrderByNumberDesc(long updateId);

    java.util.Optional<UpdateRevisionEntity> findByUpdateIdAndNumber(long updateId, int number);

    @Modifying
    @Query("""
            delete from UpdateRevisionEntity r
             where r.teamId = :teamId and r.channelId = :channelId and r.messageTs = :messageTs
            """)
    int deleteByMessage(String teamId, String channelId, String messageTs);

    @Modifying
    @Query("delete from UpdateRevisionEntity r where r.updateId = :updateId")
    int deleteByUpdateId(long updateId);
}
