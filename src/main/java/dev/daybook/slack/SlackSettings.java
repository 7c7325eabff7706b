package dev.daybook.slack;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How Daybook reaches Slack. Environment: {@code SLACK_BOT_TOKEN}, {@code SLACK_SIGNING_SECRET},
 * {@code SLACK_APP_TOKEN} (Socket Mode), {@code SLACK_API_URL} (the Web API base URL).
 */
@ConfigurationProperties("daybook.slack")
record SlackSettings(String botToken, String signingSecret, String appToken,
                     @DefaultValue("https://slack.com/api/") String apiUrl,
                     @DefaultValue("5s") Duration timeout) {

    boolean hasBotToken() {
        return present(botToken);
    }

    /** HTTP mode: Slack posts to {@code /slack/events}, signed with the signing secret. */
    boolean httpMode() {
        return hasBotToken() && present(signingSecret);
    }

    /** Socket Mode: Daybook opens a WebSocket to Slack with the app-level token. */
    boolean socketMode() {
        return hasBotToken() && present(appToken);
    }

    boolean connected() {
        return httpMode() || socketMode();
    }

    String methodsUrl() {
        return apiUrl.endsWith("/") ? apiUrl : apiUrl + "/";
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
