package dev.daybook.webhooks;

import org.springframework.data.jpa.repository.JpaRepository;

interface WebhookDeliveries extends JpaRepository<WebhookDeliveryEntity, Long> {
}
