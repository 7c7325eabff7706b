package dev.daybook.runs.tracking;

import java.util.List;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * The {@code mlflowTokens} health component (in {@code /actuator/health/tokens}, with details): the
 * projects whose stored MLflow token no encryption key opens, which must enter it again in
 * {@code /daybook settings}. Always UP: one project's token is no reason to take an instance out of
 * service; the details are for the operator.
 */
@Component("mlflowTokensHealthIndicator")
class TrackingTokensHealth extends AbstractHealthIndicator {

    private final TrackingServers servers;

    TrackingTokensHealth(TrackingServers servers) {
        super("MLflow token check failed");
        this.servers = servers;
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        List<String> needing = servers.needingToken();
        health.up().withDetail("projectsNeedingToken", needing.size());
        if (!needing.isEmpty()) {
            health.withDetail("projects", needing.size() > 100 ? needing.subList(0, 100) : needing)
                    .withDetail("action", "enter the MLflow token again in /daybook settings of each project, "
                            + "or list the old key in DAYBOOK_ENCRYPTION_KEY and restart");
        }
    }
}
