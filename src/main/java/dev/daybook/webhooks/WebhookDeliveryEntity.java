package dev.daybook.webhooks;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "webhook_delivery")
class WebhookDeliveryEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String teamId;

    @Column(nullable = false)
    private long webhookId;

    @Column(nullable = false)
    private String eventType;

    @Column(nullable = false, length = 60000)
    private String body;

    @Column(nullable = false)
    private int attempts;

    @Column(nullable = false)
    private Instant createdAt;

    private Instant finishedAt;
    private String outcome;

    protected WebhookDeliveryEntity() {
    }

    WebhookDeliveryEntity(String teamId, long webhookId, String eventType, String body, Instant now) {
        this.teamId = teamId;
        this.webhookId = webhookId;
        this.eventType = eventType;
        this.body = body;
        this.createdAt = now;
    }

    long id() {
        return id;
    }

    long webhookId() {
        return webhookId;
    }

    String eventType() {
        return eventType;
    }

    String body() {
        return body;
    }

    int attempts() {
        return attempts;
    }

    boolean finished() {
        return finishedAt != null;
    }

    int attempt() {
        return ++attempts;
    }

    void body(String body) {
        this.body = body;
    }

    void finish(String outcome, Instant now) {
        this.outcome = outcome;
        this.finishedAt = now;
    }
}
