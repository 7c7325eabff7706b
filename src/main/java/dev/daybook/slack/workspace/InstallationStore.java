package dev.daybook.slack.workspace;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

import com.slack.api.bolt.model.Bot;
import com.slack.api.bolt.model.Installer;
import com.slack.api.bolt.model.builtin.DefaultBot;
import com.slack.api.bolt.model.builtin.DefaultInstaller;
import com.slack.api.bolt.service.InstallationService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.daybook.support.TokenCipher;

/**
 * InstallationStore in the database, tokens sealed with {@link TokenCipher}: Bolt's store in
 * multi-workspace mode, and the source of each workspace's bot token for Daybook's own calls.
 * Decrypted tokens are cached for a minute, so an uninstall takes effect everywhere within a minute.
 * Without an encryption key (single-workspace mode) it only records uninstalls.
 */
public class InstallationStore implements InstallationService, BotTokens {

    private static final Logger log = LoggerFactory.getLogger(InstallationStore.class);
    private static final Duration CACHE_FOR = Duration.ofMinutes(1);

    private final SlackInstallations installations;
    private final TokenCipher cipher;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final ConcurrentMap<String, Cached> tokens = new ConcurrentHashMap<>();

    private record Cached(String token, Instant until) {
    }

    InstallationStore(SlackInstallations installations, TokenCipher cipher, PlatformTransactionManager transactions,
                  Clock clock) {
        this.installations = installations;
        this.cipher = cipher;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Override
    public String forTeam(String teamId) {
        if (teamId == null) {
            return null;
        }
        Cached cached = tokens.get(teamId);
        if (cached != null && cached.until().isAfter(clock.instant())) {
            return cached.token();
        }
        String token = transaction.execute(s -> installations.findByTeamId(teamId)
                .filter(SlackInstallationEntity::isActive)
                .map(i -> openOrNull(i))
                .orElse(null));
        if (token != null) {
            tokens.put(teamId, new Cached(token, clock.instant().plus(CACHE_FOR)));
        } else {
            tokens.remove(teamId);
        }
        return token;
    }

    @Override
    public void saveInstallerAndBot(Installer installer) {
        String teamId = installer.getTeamId();
        if (teamId == null) {
            throw new IllegalArgumentException("Daybook is installed per workspace, not organisation-wide");
        }
        transaction.executeWithoutResult(s -> {
            SlackInstallationEntity installation = installations.findByTeamId(teamId)
                    .orElseGet(() -> installations.save(new SlackInstallationEntity(teamId)));
            installation.installed(installer instanceof DefaultInstaller d ? d.getTeamName() : null, installer.getEnterpriseId(), installer.getAppId(),
                    installer.getBotId(), installer.getBotUserId(), installer.getBotScope(),
                    cipher.seal(installer.getBotAccessToken(), teamId), installer.getInstallerUserId(),
                    clock.instant());
        });
        tokens.remove(teamId);
        log.info("Slack: installed in workspace {}.", teamId);
    }

    @Override
    public Bot findBot(String enterpriseId, String teamId) {
        return installation(teamId).map(i -> {
            DefaultBot bot = new DefaultBot();
            bot.setAppId(i.appId());
            bot.setEnterpriseId(i.enterpriseId());
            bot.setTeamId(i.teamId());
            bot.setTeamName(i.teamName());
            bot.setBotId(i.botId());
            bot.setBotUserId(i.botUserId());
            bot.setBotScope(i.botScopes());
            bot.setScope(i.botScopes());
            bot.setBotAccessToken(forTeam(i.teamId()));
            bot.setInstalledAt(i.installedAt().toEpochMilli());
            bot.setIsEnterpriseInstall(false);
            return (Bot) bot;
        }).orElse(null);
    }

    @Override
    public Installer findInstaller(String enterpriseId, String teamId, String userId) {
        return installation(teamId).map(i -> {
            DefaultInstaller installer = new DefaultInstaller();
            installer.setAppId(i.appId());
            installer.setEnterpriseId(i.enterpriseId());
            installer.setTeamId(i.teamId());
            installer.setBotId(i.botId());
            installer.setBotUserId(i.botUserId());
            installer.setBotScope(i.botScopes());
            installer.setBotAccessToken(forTeam(i.teamId()));
            installer.setInstallerUserId(i.installerUserId());
            installer.setInstalledAt(i.installedAt().toEpochMilli());
            installer.setIsEnterpriseInstall(false);
            return (Installer) installer;
        }).orElse(null);
    }

    @Override
    public void deleteBot(Bot bot) {
        uninstall(bot.getTeamId());
    }

    @Override
    public void deleteInstaller(Installer installer) {
        uninstall(installer.getTeamId());
    }

    @Override
    public void deleteAll(String enterpriseId, String teamId) {
        uninstall(teamId);
    }

    /** Forgets the workspace's token now; its data goes after the grace period ({@link WorkspacePurge}). */
    void uninstall(String teamId) {
        if (teamId == null) {
            return;
        }
        transaction.executeWithoutResult(s -> installations.findByTeamId(teamId)
                .orElseGet(() -> installations.save(new SlackInstallationEntity(teamId)))
                .uninstalled(clock.instant()));
        tokens.remove(teamId);
        log.info("Slack: uninstalled from workspace {}; its token is deleted.", teamId);
    }

    /** A workspace uninstalled earlier is back (single-workspace mode: a working token again); keep its data. */
    void reinstalled(String teamId) {
        transaction.executeWithoutResult(s -> installations.findByTeamId(teamId)
                .filter(i -> i.uninstalledAt() != null)
                .ifPresent(i -> {
                    i.installed(i.teamName(), i.enterpriseId(), i.appId(), i.botId(), i.botUserId(), i.botScopes(),
                            i.botTokenSealed(), i.installerUserId(), clock.instant());
                    log.info("Slack: workspace {} is back; its data is kept.", teamId);
                }));
    }

    /** What a start did with the stored tokens. */
    record Resealed(int resealed, int unreadable) {
    }

    /**
     * Reseals tokens sealed under a previous key with the current one (after a key rotation). A token
     * that no key opens does not stop the start: its workspace is marked as needing to install Daybook
     * again (shown in {@code /actuator/health/tokens}), and its requests are refused as from a
     * workspace that has not installed it. A token that opens again clears its mark.
     */
    Resealed resealWithCurrentKey() {
        if (cipher == null) {
            return new Resealed(0, 0);
        }
        Resealed result = transaction.execute(s -> {
            int resealed = 0;
            int unreadable = 0;
            for (SlackInstallationEntity i : installations.findByBotTokenSealedIsNotNull()) {
                String token;
                try {
                    token = cipher.open(i.botTokenSealed(), i.teamId());
                } catch (RuntimeException e) {
                    if (i.markUnreadable(clock.instant())) {
                        log.warn("Slack: the token of workspace {} cannot be opened ({}); it must install Daybook again.",
                                i.teamId(), e.getMessage());
                    }
                    unreadable++;
                    continue;
                }
                if (!cipher.isCurrent(i.botTokenSealed())) {
                    i.reseal(cipher.seal(token, i.teamId()));
                    resealed++;
                } else if (i.tokenUnreadableAt() != null) {
                    i.markReadable();
                }
            }
            return new Resealed(resealed, unreadable);
        });
        return result == null ? new Resealed(0, 0) : result;
    }

    /** Workspaces whose token no key opens, for health details; they must install Daybook again. */
    java.util.List<String> needingToken() {
        java.util.List<String> teams = transaction.execute(s -> installations
                .findByTokenUnreadableAtIsNotNullAndUninstalledAtIsNull().stream()
                .filter(i -> i.botTokenSealed() != null)
                .map(SlackInstallationEntity::teamId).sorted().toList());
        return teams == null ? java.util.List.of() : teams;
    }

    private String openOrNull(SlackInstallationEntity installation) {
        if (cipher == null) {
            return null;
        }
        try {
            return cipher.open(installation.botTokenSealed(), installation.teamId());
        } catch (RuntimeException e) {
            log.warn("Slack: the token of workspace {} cannot be opened; it must install Daybook again.",
                    installation.teamId());
            return null;
        }
    }

    @Override
    public boolean isHistoricalDataEnabled() {
        return false;
    }

    @Override
    public void setHistoricalDataEnabled(boolean isHistoricalDataEnabled) {
        // Only the latest installation per workspace is kept.
    }

    private Optional<SlackInstallationEntity> installation(String teamId) {
        if (teamId == null) {
            return Optional.empty();
        }
        return transaction.execute(s -> installations.findByTeamId(teamId).filter(SlackInstallationEntity::isActive));
    }
}
