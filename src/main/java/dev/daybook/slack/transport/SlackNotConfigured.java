package dev.daybook.slack.transport;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.web.servlet.function.RouterFunction;
import org.springframework.web.servlet.function.RouterFunctions;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

/**
 * Without Slack credentials Daybook still runs (health, API), says in the log what to set, and answers
 * Slack's endpoint with 503 rather than a confusing 404.
 */
class SlackNotConfigured {

    private static final Logger log = LoggerFactory.getLogger(SlackNotConfigured.class);

    private final SlackSettings settings;

    SlackNotConfigured(SlackSettings settings) {
        this.settings = settings;
    }

    @EventListener(ApplicationReadyEvent.class)
    void explain() {
        log.warn("""
                Slack is not connected: {} not set.
                  Daybook is running (GET /actuator/health) but cannot hear from Slack. Set, from your Slack app's pages:
                    SLACK_BOT_TOKEN       OAuth & Permissions > Bot User OAuth Token (xoxb-...)
                    SLACK_SIGNING_SECRET  Basic Information > App Credentials > Signing Secret (HTTP mode, POST /slack/events)
                    SLACK_APP_TOKEN       Basic Information > App-Level Tokens, scope connections:write (xapp-..., Socket Mode)
                  or, to install Daybook into several workspaces, SLACK_CLIENT_ID, SLACK_CLIENT_SECRET (Basic Information)
                  and DAYBOOK_ENCRYPTION_KEY instead of SLACK_BOT_TOKEN,
                  and restart. docs/slack-setup.md walks through it.""", String.join(" and ", missing()));
    }

    /** {@code POST /slack/events}, registered by {@link SlackWiring} only when Slack is not configured. */
    RouterFunction<ServerResponse> routes() {
        return RouterFunctions.route().POST("/slack/events", this::events).build();
    }

    private ServerResponse events(ServerRequest request) {
        return ServerResponse.status(HttpStatus.SERVICE_UNAVAILABLE)
                .body(Map.of("error", "Slack is not configured on this Daybook: set " + String.join(" and ", missing())));
    }

    private List<String> missing() {
        List<String> missing = new ArrayList<>();
        if (!settings.canAuthorize()) {
            missing.add("SLACK_BOT_TOKEN (or SLACK_CLIENT_ID and SLACK_CLIENT_SECRET)");
        }
        if (!settings.connected()) {
            missing.add("SLACK_SIGNING_SECRET (or SLACK_APP_TOKEN for Socket Mode)");
        }
        return missing;
    }
}
