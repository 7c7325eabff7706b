package dev.daybook.slack.workspace;

import com.slack.api.methods.response.auth.AuthTestResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.daybook.slack.client.SlackCalls;
import dev.daybook.slack.client.SlackRefused;
import dev.daybook.slack.client.SlackUnavailable;
import dev.daybook.slack.transport.SlackSettings;

/**
 * In single-workspace mode, checks the bot token once at start-up: a clear log line when Slack
 * refuses it, and a workspace that had uninstalled Daybook and installed it again keeps its data.
 */
@Component
class SingleWorkspaceCheck {

    private static final Logger log = LoggerFactory.getLogger(SingleWorkspaceCheck.class);

    private final SlackSettings settings;
    private final SlackCalls slack;
    private final InstallationStore installations;

    SingleWorkspaceCheck(SlackSettings settings, SlackCalls slack, InstallationStore installations) {
        this.settings = settings;
        this.slack = slack;
        this.installations = installations;
    }

    @EventListener(ApplicationReadyEvent.class)
    void check() {
        if (settings.multiWorkspace() || !settings.hasBotToken()) {
            return;
        }
        try {
            AuthTestResponse auth = slack.call(null, "auth.test", SlackCalls.Patience.NONE, c -> c.authTest(r -> r));
            log.info("Slack: connected to workspace {} ({}) as {}.", auth.getTeam(), auth.getTeamId(), auth.getUser());
            installations.reinstalled(auth.getTeamId());
        } catch (SlackRefused refused) {
            log.error("Slack refused SLACK_BOT_TOKEN ({}). Copy the Bot User OAuth Token again from the app's "
                    + "OAuth & Permissions page; see docs/slack-setup.md.", refused.error());
        } catch (SlackUnavailable unavailable) {
            log.warn("Slack could not be reached to check the bot token ({}); Daybook will keep trying as requests come in.",
                    unavailable.getMessage());
        }
    }
}
