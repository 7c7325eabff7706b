package dev.daybook.slack.workspace;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * A state value handed out when someone starts installing Daybook; the only record without a
 * workspace, because the workspace is not known until Slack sends them back.
 */
@Entity
@Table(name = "slack_oauth_state")
class SlackOAuthStateEntity {

    @Id
    private String state;

    @Column(nullable = false)
    private Instant expiresAt;

    protected SlackOAuthStateEntity() {
    }

    SlackOAuthStateEntity(String state, Instant expiresAt) {
        this.state = state;
        this.expiresAt = expiresAt;
    }
}
