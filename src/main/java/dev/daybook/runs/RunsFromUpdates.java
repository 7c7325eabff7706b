package dev.daybook.runs;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

import dev.daybook.updates.parsing.RunReference;
import dev.daybook.updates.UpdateDeleted;
import dev.daybook.updates.UpdateRecorded;
import dev.daybook.updates.UpdateService;
import dev.daybook.updates.UpdateView;

/**
 * Records the runs an update names, after the update is committed: the update never waits for (or
 * fails because of) the runs, and the outbox retries this until it succeeds. Reading the update as it
 * stands makes a repeat harmless, and a revision (or a withdrawn message that brings back an earlier
 * one) that no longer names a run, or a metric, withdraws it. A deleted update withdraws all it said.
 */
@Component
class RunsFromUpdates {

    private final UpdateService updates;
    private final RunService runs;

    RunsFromUpdates(UpdateService updates, RunService runs) {
        this.updates = updates;
        this.runs = runs;
    }

    // An update that names no run, now or before, has nothing for this listener: not even stored for it.
    @ApplicationModuleListener(id = "runs.from-updates", condition = "#event.mayNameRuns()")
    void on(UpdateRecorded event) {
        UpdateView update = updates.byId(event.updateId()).orElse(null);
        if (update == null || !update.teamId().equals(event.teamId())) {
            return; // deleted since: runs.update-deleted withdraws what it said
        }
        Map<String, RunReference> named = new LinkedHashMap<>();
        update.items().forEach(item -> item.references().runs().forEach(run -> named.merge(run.id(), run,
                (a, b) -> {
                    Map<String, Double> metrics = new LinkedHashMap<>(a.metrics());
                    metrics.putAll(b.metrics());
                    return new RunReference(a.source(), a.id(), a.url() != null ? a.url() : b.url(), metrics);
                })));
        List<RunReport> reports = named.values().stream()
                .map(run -> RunReport.referenced(run.source(), run.id(), run.url(), run.metrics(), update.userId()))
                .toList();
        runs.reportUpdate(update.teamId(), update.projectId(), update.id(), update.userId(), reports,
                update.updatedAt());
    }

    @ApplicationModuleListener(id = "runs.update-deleted")
    void on(UpdateDeleted event) {
        runs.withdrawUpdate(event.teamId(), event.updateId());
    }
}
