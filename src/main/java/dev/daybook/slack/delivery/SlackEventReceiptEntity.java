package dev.daybook.slack.delivery;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** An event id from Slack that has been handled. */
@Entity
@Table(name = "slack_event_receipt")
class SlackEventReceiptEntity {

    @Id
    private String eventId;

    @Column(nullable = false)
    private String teamId;

    @Column(nullable = false)
    private Instant receivedAt;

    protected SlackEventReceiptEntity() {
    }
}
