package dev.daybook.slack.delivery;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Where an update can be read in Slack: its message and that message's permalink. */
@Entity
@Table(name = "slack_message_link")
class SlackMessageLinkEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String teamId;

    @Column(nullable = false)
    private long updateId;

    @Column(nullable = false)
    private String channelId;

    @Column(nullable = false)
    private String messageTs;

    @Column(nullable = false)
    private String permalink;

    @Column(nullable = false)
    private Instant storedAt;

    protected SlackMessageLinkEntity() {
    }

    SlackMessageLinkEntity(String teamId, long updateId, String channelId, String messageTs, String permalink,
                           Instant storedAt) {
        this.teamId = teamId;
        this.updateId = updateId;
        this.channelId = channelId;
        this.messageTs = messageTs;
        this.permalink = permalink;
        this.storedAt = storedAt;
    }

    boolean isFor(String channelId, String messageTs) {
        return this.channelId.equals(channelId) && this.messageTs.equals(messageTs);
    }

    void moveTo(String channelId, String messageTs, String permalink, Instant at) {
        this.channelId = channelId;
        this.messageTs = messageTs;
        this.permalink = permalink;
        this.storedAt = at;
    }

    long updateId() {
        return updateId;
    }

    String permalink() {
        return permalink;
    }
}
