package dev.daybook.slack;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

interface SlackDeliveries extends JpaRepository<SlackDelivery, Long> {

    Optional<SlackDelivery> findByTeamIdAndDeliveryKey(String teamId, String deliveryKey);
}
