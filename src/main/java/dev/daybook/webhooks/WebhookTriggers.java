package dev.daybook.webhooks;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import dev.daybook.runs.RunNeedsVerification;
import dev.daybook.runs.RunService;
import dev.daybook.runs.RunVerificationChanged;
import dev.daybook.runs.RunView;
import dev.daybook.runs.Verification;
import dev.daybook.updates.BlockerChanged;
import dev.daybook.updates.UpdateItem;
import dev.daybook.updates.UpdateRecorded;
import dev.daybook.updates.UpdateService;

/**
 * Turns what happened into webhook deliveries, inside the transaction that made it happen: a plain
 * listener, not one of the outbox's, so that a workspace without webhooks gets no outbox row, and one
 * with webhooks gets its delivery committed with the update or run it tells of.
 */
@Component
class WebhookTriggers {

    private final WebhookService webhooks;
    private final UpdateService updates;
    private final RunService runs;

    WebhookTriggers(WebhookService webhooks, UpdateService updates, RunService runs) {
        this.webhooks = webhooks;
        this.updates = updates;
        this.runs = runs;
    }

    @EventListener
    void on(UpdateRecorded recorded) {
        webhooks.notify(recorded.teamId(), recorded.projectId(), WebhookEvent.UPDATE_RECORDED, () -> {
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("updateId", recorded.updateId());
            data.put("revision", recorded.revision());
            data.put("user", recorded.userId());
            data.put("date", recorded.day().toString());
            data.put("source", recorded.source().label());
            data.put("filedLate", recorded.filedLate());
            data.put("items", updates.byId(recorded.updateId()).map(u -> u.items().stream().map(WebhookTriggers::item)
                    .toList()).orElse(List.of()));
            return data;
        });
    }

    @EventListener
    void on(BlockerChanged changed) {
        webhooks.notify(changed.teamId(), changed.projectId(),
                changed.opened() ? WebhookEvent.BLOCKER_OPENED : WebhookEvent.BLOCKER_RESOLVED, () -> {
                    Map<String, Object> data = new LinkedHashMap<>();
                    data.put("blockerId", changed.blockerId());
                    data.put("user", changed.userId());
                    data.put("text", changed.text());
                    data.put("date", changed.day().toString());
                    return data;
                });
    }

    @EventListener
    void on(RunNeedsVerification best) {
        webhooks.notify(best.teamId(), best.projectId(), WebhookEvent.RUN_NEW_BEST,
                () -> runs.byId(best.teamId(), best.runId()).map(WebhookTriggers::run).orElse(Map.of("runId", best.runId())));
    }

    @EventListener
    void on(RunVerificationChanged changed) {
        // Only a verification is news for other tools; a dispute or a new round is not "verified".
        webhooks.notify(changed.teamId(), changed.projectId(), WebhookEvent.RUN_VERIFIED, () -> runs
                .byId(changed.teamId(), changed.runId())
                .filter(r -> r.verification() == Verification.VERIFIED && r.verificationRound() == changed.round())
                .map(WebhookTriggers::run).orElse(null));
    }

    private static Map<String, Object> item(UpdateItem item) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("section", item.section().label());
        json.put("text", item.text());
        json.put("category", item.category().label());
        if (item.hours() != null) {
            json.put("hours", item.hours());
        }
        return json;
    }

    private static Map<String, Object> run(RunView run) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("runId", run.id());
        json.put("externalId", run.externalId());
        json.put("source", run.source());
        json.put("name", run.name());
        json.put("url", run.url());
        json.put("metrics", run.metrics());
        json.put("verification", run.verification().name().toLowerCase(java.util.Locale.ROOT));
        json.put("verifiedBy", run.verifiedBy());
        json.put("reportedBy", run.reportedBy());
        return json;
    }
}
