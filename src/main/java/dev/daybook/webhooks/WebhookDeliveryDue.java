package dev.daybook.webhooks;

/** A delivery was recorded; it is sent after the commit, and retried from the outbox until done. */
record WebhookDeliveryDue(String teamId, long deliveryId) {
}
