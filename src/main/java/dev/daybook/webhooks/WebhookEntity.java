package dev.daybook.webhooks;

import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "webhook")
class WebhookEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String teamId;

    private Long projectId;

    @Column(nullable = false)
    private String url;

    @Column(nullable = false)
    private String secret;

    @Column(nullable = false)
    private String events;

    @Column(nullable = false)
    private boolean active;

    private String stoppedReason;

    @Column(nullable = false)
    private String createdBy;

    @Column(nullable = false)
    private Instant createdAt;

    private String lastStatus;
    private Instant lastAttemptAt;
    private Instant lastSuccessAt;

    protected WebhookEntity() {
    }

    WebhookEntity(String teamId, Long projectId, String url, String secret, Set<WebhookEvent> events,
                  String createdBy, Instant now) {
        this.teamId = teamId;
        this.projectId = projectId;
        this.url = url;
        this.secret = secret;
        this.events = events.stream().map(WebhookEvent::label).sorted().collect(Collectors.joining(","));
        this.active = true;
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    long id() {
        return id;
    }

    String teamId() {
        return teamId;
    }

    Long projectId() {
        return projectId;
    }

    String url() {
        return url;
    }

    String secret() {
        return secret;
    }

    boolean active() {
        return active;
    }

    Set<WebhookEvent> events() {
        Set<WebhookEvent> set = EnumSet.noneOf(WebhookEvent.class);
        Arrays.stream(events.split(",")).flatMap(e -> WebhookEvent.of(e).stream()).forEach(set::add);
        return set;
    }

    boolean wants(WebhookEvent event) {
        return active && events().contains(event);
    }

    void attempted(String status, boolean success, Instant now) {
        this.lastStatus = status;
        this.lastAttemptAt = now;
        if (success) {
            this.lastSuccessAt = now;
        }
    }

    void stop(String reason) {
        this.active = false;
        this.stoppedReason = reason;
    }

    void resume() {
        this.active = true;
        this.stoppedReason = null;
    }

    Webhook toView() {
        return new Webhook(id, teamId, projectId, url, events(), active, stoppedReason, createdBy, createdAt,
                lastStatus, lastAttemptAt, lastSuccessAt);
    }
}
