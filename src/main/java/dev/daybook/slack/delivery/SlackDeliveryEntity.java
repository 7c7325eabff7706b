package dev.daybook.slack.delivery;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A message Daybook posts once per key (a shared update, a day's thread, a weekly summary): where it
 * went, which version of its content it shows, and whether a post was attempted but not confirmed.
 */
@Entity
@Table(name = "slack_delivery")
class SlackDeliveryEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String teamId;

    @Column(nullable = false)
    private String deliveryKey;

    @Column(nullable = false)
    private String channelId;

    private String threadTs;

    private String messageTs;

    @Column(nullable = false)
    private int contentVersion;

    private Instant attemptedAt;

    private Instant deliveredAt;

    private Instant claimedUntil;

    protected SlackDeliveryEntity() {
    }

    SlackDeliveryEntity(String teamId, String deliveryKey, String channelId, String threadTs, Instant attemptedAt,
                  Instant claimedUntil) {
        this.teamId = teamId;
        this.deliveryKey = deliveryKey;
        this.channelId = channelId;
        this.threadTs = threadTs;
        this.attemptedAt = attemptedAt;
        this.claimedUntil = claimedUntil;
    }

    /** Claims the post for one attempt; false while another attempt holds an unexpired claim. */
    boolean claim(Instant now, Instant until) {
        if (claimedUntil != null && claimedUntil.isAfter(now)) {
            return false;
        }
        this.attemptedAt = now;
        this.claimedUntil = until;
        return true;
    }

    /** Until when the attempt that holds it may post; null when no attempt holds it. */
    Instant claimedUntil() {
        return claimedUntil;
    }

    /** The attempt is over (it failed); the next may go ahead, after looking for what this one posted. */
    void release() {
        this.claimedUntil = null;
    }

    void updated(int version) {
        this.contentVersion = version;
    }

    boolean isDelivered() {
        return messageTs != null;
    }

    String channelId() {
        return channelId;
    }

    String threadTs() {
        return threadTs;
    }

    String messageTs() {
        return messageTs;
    }

    int contentVersion() {
        return contentVersion;
    }

    Instant attemptedAt() {
        return attemptedAt;
    }
}
