package dev.daybook.slack.workspace;

import java.time.Clock;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.transaction.PlatformTransactionManager;

import dev.daybook.slack.transport.SlackSettings;
import dev.daybook.support.EncryptionSettings;
import dev.daybook.support.TokenCipher;

/**
 * Where bot tokens come from: {@code SLACK_BOT_TOKEN} for a single workspace, or the installations
 * in the database when Daybook is installed through OAuth into several.
 */
@Configuration(proxyBeanMethods = false)
class WorkspaceTokensConfiguration {

    private static final Logger log = LoggerFactory.getLogger(WorkspaceTokensConfiguration.class);

    /** The installations: the token store in multi-workspace mode, and in both modes the record of uninstalls. */
    @Bean
    InstallationStore installations(SlackSettings settings, EncryptionSettings encryption,
                                SlackInstallations installations, PlatformTransactionManager transactions, Clock clock) {
        boolean hasKey = encryption.hasKey();
        if (settings.multiWorkspace() && !hasKey) {
            throw new IllegalStateException("Daybook keeps each workspace's Slack token encrypted: set "
                    + "DAYBOOK_ENCRYPTION_KEY (create one with: openssl rand -base64 32). See docs/operations.md.");
        }
        TokenCipher cipher = hasKey ? new TokenCipher(encryption.sealingKey(), encryption.openingKeys()) : null;
        InstallationStore store = new InstallationStore(installations, cipher, transactions, clock);
        // Never fails the start: a token no key opens marks its workspace as needing to install again.
        InstallationStore.Resealed result = store.resealWithCurrentKey();
        if (result.resealed() > 0) {
            log.info("Slack: re-encrypted {} workspace tokens with the current DAYBOOK_ENCRYPTION_KEY.", result.resealed());
        }
        if (result.unreadable() > 0) {
            log.warn("Slack: {} workspace tokens cannot be opened with the keys in DAYBOOK_ENCRYPTION_KEY; "
                    + "those workspaces must install Daybook again (see /actuator/health/tokens).", result.unreadable());
        }
        return store;
    }

    @Bean
    @Primary
    BotTokens botTokens(SlackSettings settings, InstallationStore installations) {
        if (settings.multiWorkspace()) {
            if (settings.hasBotToken()) {
                log.warn("SLACK_CLIENT_ID is set, so Daybook uses the tokens of its installations; SLACK_BOT_TOKEN is ignored.");
            }
            return installations;
        }
        return teamId -> settings.hasBotToken() ? settings.botToken() : null;
    }

    @Bean
    OAuthStateStore oauthStates(SlackOAuthStates states, Clock clock) {
        return new OAuthStateStore(states, clock);
    }
}
