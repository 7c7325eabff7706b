package dev.daybook.slack.workspace;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.daybook.support.WorkspaceData;

/**
 * Deletes all data of a workspace that uninstalled Daybook more than the grace period ago
 * ({@code daybook.retention.after-uninstall}, 30 days unless set). Reinstalling within the grace
 * period keeps everything. Safe on several instances at once: deleting twice deletes nothing more.
 */
@Component
class WorkspacePurge {

    private static final Logger log = LoggerFactory.getLogger(WorkspacePurge.class);

    private final SlackInstallations installations;
    private final List<WorkspaceData> modules;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Duration grace;

    WorkspacePurge(SlackInstallations installations, List<WorkspaceData> modules,
                   PlatformTransactionManager transactions, Clock clock,
                   @Value("${daybook.retention.after-uninstall:30d}") Duration grace) {
        this.installations = installations;
        this.modules = modules;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
        this.grace = grace;
    }

    @Scheduled(fixedDelayString = "${daybook.retention.check-interval:1h}", initialDelayString = "1m")
    void purgeExpired() {
        List<String> expired = transaction.execute(s -> installations.findByUninstalledAtBefore(clock.instant().minus(grace))
                .stream().map(SlackInstallationEntity::teamId).toList());
        expired.forEach(this::purge);
    }

    /** Deletes every row of the workspace, module by module, in one transaction. */
    void purge(String teamId) {
        transaction.executeWithoutResult(s -> modules.forEach(module -> module.deleteWorkspace(teamId)));
        log.info("Deleted the data of workspace {}, uninstalled more than {} ago.", teamId, grace);
    }
}
