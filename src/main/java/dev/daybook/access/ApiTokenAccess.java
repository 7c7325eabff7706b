package dev.daybook.access;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.daybook.projects.ProjectLeadRemoved;

/**
 * A token lives no longer than its creator's right to manage it: someone who stops leading a project
 * loses the tokens they created for it. (Leaving the channel and deactivation are Slack events; the
 * Slack edge calls {@link ApiTokens#revokeCreatedBy} for those.)
 */
@Component
class ApiTokenAccess {

    private static final Logger log = LoggerFactory.getLogger(ApiTokenAccess.class);

    private final ApiTokens tokens;

    ApiTokenAccess(ApiTokens tokens) {
        this.tokens = tokens;
    }

    /** In the transaction that removes the lead: both happen, or neither. */
    @EventListener
    void leadRemoved(ProjectLeadRemoved removed) {
        int revoked = tokens.revokeCreatedBy(removed.teamId(), removed.projectId(), removed.userId());
        if (revoked > 0) {
            log.info("API tokens: revoked {} of project {}, created by someone who no longer leads it.", revoked, removed.projectId());
        }
    }
}
