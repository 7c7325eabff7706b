package dev.daybook.slack.transport;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * The {@code slack} health component, part of readiness: in Socket Mode an instance whose WebSocket
 * to Slack is closed hears nothing from Slack, so it is not ready. In HTTP mode Slack comes to
 * Daybook and there is nothing to hold open; without Slack settings there is nothing to check.
 */
@Component("slackHealthIndicator")
class SlackConnectionHealth extends AbstractHealthIndicator {

    private final ObjectProvider<SocketModeConnection> socketMode;

    SlackConnectionHealth(ObjectProvider<SocketModeConnection> socketMode) {
        super("Slack connection check failed");
        this.socketMode = socketMode;
    }

    @Override
    protected void doHealthCheck(Health.Builder health) {
        SocketModeConnection connection = socketMode.getIfAvailable();
        if (connection == null || !connection.wanted()) {
            health.up().withDetail("mode", connection == null ? "not configured" : "http");
            return;
        }
        if (connection.connected()) {
            health.up().withDetail("mode", "socket").withDetail("connected", true);
            return;
        }
        ConnectionProblem problem = connection.lastProblem();
        health.down().withDetail("mode", "socket").withDetail("connected", false);
        if (problem != null) {
            health.withDetail("problem", problem.kind().name().toLowerCase(java.util.Locale.ROOT));
        }
    }
}
