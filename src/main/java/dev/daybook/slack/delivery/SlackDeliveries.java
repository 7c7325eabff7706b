package dev.daybook.slack.delivery;

import java.time.Instant;
import java.util.Optional;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface SlackDeliveries extends JpaRepository<SlackDeliveryEntity, Long> {

    Optional<SlackDeliveryEntity> findByTeamIdAndDeliveryKey(String teamId, String deliveryKey);

    /** The row locked, so that two attempts cannot both claim it. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select d from SlackDeliveryEntity d where d.teamId = :teamId and d.deliveryKey = :deliveryKey")
    Optional<SlackDeliveryEntity> lock(String teamId, String deliveryKey);

    /**
     * Records where the message went (for a direct message, the conversation Slack put it in) and ends
     * the claim; in one statement, since it runs once for every message sent. Returns the rows changed.
     */
    @Modifying
    @Query("""
            update SlackDeliveryEntity d set d.channelId = :channelId, d.messageTs = :messageTs,
                   d.contentVersion = :version, d.deliveredAt = :at, d.claimedUntil = null
             where d.teamId = :teamId and d.deliveryKey = :deliveryKey""")
    int markDelivered(String teamId, String deliveryKey, String channelId, String messageTs, int version, Instant at);
}
