package dev.daybook.slack;

import java.util.Optional;

import jakarta.persistence.LockModeType;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface SlackDeliveries extends JpaRepository<SlackDelivery, Long> {

    Optional<SlackDelivery> findByTeamIdAndDeliveryKey(String teamId, String deliveryKey);

    /** The row locked, so that two attempts cannot both claim it. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select d from SlackDelivery d where d.teamId = :teamId and d.deliveryKey = :deliveryKey")
    Optional<SlackDelivery> lock(String teamId, String deliveryKey);
}
