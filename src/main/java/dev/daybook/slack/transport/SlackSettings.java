package dev.daybook.slack.transport;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How Daybook reaches Slack. Environment: {@code SLACK_BOT_TOKEN}, {@code SLACK_SIGNING_SECRET},
 * {@code SLACK_APP_TOKEN} (Socket Mode), {@code SLACK_API_URL} (the Web API base URL), and for
 * installing into several workspaces {@code SLACK_CLIENT_ID}, {@code SLACK_CLIENT_SECRET}.
 *
 * @param redirectUri the OAuth redirect URL, needed only when the app lists several
 * @param scopes      the bot scopes asked for on install; they must match {@code manifest.yml}
 * @param timeout     how long a Web API call made in background work may take
 * @param answerWithin how long Daybook works on a request Slack waits for (Slack gives up at 3 s)
 *                     before it answers "one moment" and sends the real answer to the request's
 *                     {@code response_url} when it is ready
 * @param interactiveTimeout how long a Web API call made while Slack waits for the answer may take
 *                     (opening a form, a person's profile), so that a hanging Slack still leaves
 *                     time to answer
 */
@ConfigurationProperties("daybook.slack")
public record SlackSettings(String botToken, String signingSecret, String appToken,
                     @DefaultValue("https://slack.com/api/") String apiUrl,
                     @DefaultValue("5s") Duration timeout,
                     String clientId, String clientSecret, String redirectUri,
                     @DefaultValue(DEFAULT_SCOPES) String scopes,
                     @DefaultValue("2500ms") Duration answerWithin,
                     @DefaultValue("2s") Duration interactiveTimeout) {

    /** The bot scopes of {@code manifest.yml} ({@code ScopesTests} keeps them equal). */
    static final String DEFAULT_SCOPES = "app_mentions:read,assistant:write,canvases:read,canvases:write,channels:history,channels:read,chat:write,"
            + "chat:write.public,commands,files:write,groups:history,groups:read,im:history,im:write,"
            + "reactions:write,users:read,users:read.email";

    public boolean hasBotToken() {
        return present(botToken);
    }

    /** Installed into workspaces through Slack's OAuth flow, with tokens kept in the database. */
    public boolean multiWorkspace() {
        return present(clientId) && present(clientSecret);
    }

    /** Something to authorize calls with: a bot token, or installations. */
    boolean canAuthorize() {
        return hasBotToken() || multiWorkspace();
    }

    /** HTTP mode: Slack posts to {@code /slack/events}, signed with the signing secret. */
    boolean httpMode() {
        return canAuthorize() && present(signingSecret);
    }

    /** Socket Mode: Daybook opens a WebSocket to Slack with the app-level token. */
    boolean socketMode() {
        return canAuthorize() && present(appToken);
    }

    boolean connected() {
        return httpMode() || socketMode();
    }

    public String methodsUrl() {
        return apiUrl.endsWith("/") ? apiUrl : apiUrl + "/";
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }
}
