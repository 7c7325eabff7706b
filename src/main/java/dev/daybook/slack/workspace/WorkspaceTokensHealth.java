package dev.daybook.slack.workspace;

import java.util.List;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * The {@code slackTokens} health component (in {@code /actuator/health/tokens}, with details): the
 * workspaces whose stored bot token no encryption key opens, which must install Daybook again. Always
 * UP: the other workspaces are served; the details are for the operator.
 */
@Component("slackTokensHealthIndicator")
class WorkspaceTokensHealth extends AbstractHealthIndicator {

    private final InstallationStore installations;

    WorkspaceTokensHealth(InstallationStore installations) {
        super("Slack token check failed");
        this.installations = installations;
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        List<String> needing = installations.needingToken();
        health.up().withDetail("workspacesNeedingToken", needing.size());
        if (!needing.isEmpty()) {
            health.withDetail("workspaces", needing.size() > 100 ? needing.subList(0, 100) : needing)
                    .withDetail("action", "install Daybook again in each of these workspaces (/slack/install), "
                            + "or list the old key in DAYBOOK_ENCRYPTION_KEY and restart");
        }
    }
}
