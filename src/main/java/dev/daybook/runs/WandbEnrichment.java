package dev.daybook.runs;

import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

import dev.daybook.runs.wandb.WandbClient;
import dev.daybook.runs.wandb.WandbKeyState;
import dev.daybook.runs.wandb.WandbSettings;
import dev.daybook.support.HostResolver;

/**
 * Fetches a run named by its W&amp;B link from W&amp;B, after the update or API call that named it has been
 * answered, when a W&amp;B API key is configured. W&amp;B being down, slow or sending junk is retried by the
 * outbox, at most {@link WandbSettings#attempts()} times; the run is kept as reported meanwhile.
 * Fetching again merges the same values, so a repeat is harmless.
 */
@Component
class WandbEnrichment {

    private static final Logger log = LoggerFactory.getLogger(WandbEnrichment.class);

    private final RunService runs;
    private final WandbClient wandb;
    private final WandbSettings settings;
    private final WandbKeyState key;
    private final java.time.Clock clock;

    // The client is made here, not injected, because W&B's address is held to the MLflow servers' address
    // policy, which is this module's own setting.
    WandbEnrichment(RunService runs, WandbSettings settings, TrackingServerSettings addresses, HostResolver resolver,
                    WandbKeyState key, java.time.Clock clock) {
        this.runs = runs;
        this.key = key;
        this.clock = clock;
        this.wandb = new WandbClient(settings, addresses.policy(), resolver);
        this.settings = settings;
    }

    @ApplicationModuleListener(id = "runs.wandb", propagation = Propagation.NOT_SUPPORTED)
    void on(RunReferenced event) {
        if (!settings.configured()) {
            return;
        }
        RunView run = runs.byId(event.teamId(), event.runId()).orElse(null);
        if (run == null || !"wandb".equals(run.source())) {
            return;
        }
        Optional<WandbClient.RunPath> path = WandbClient.RunPath.fromUrl(run.url(), run.externalId());
        if (path.isEmpty()) {
            log.info("W&B: run {} of project {} not fetched: it was named without its link "
                    + "(https://wandb.ai/<entity>/<project>/runs/<id>), so its W&B project is not known.",
                    run.externalId(), event.projectId());
            return;
        }
        int attempt = runs.trackerAttempt(event.teamId(), run.id());
        WandbClient.Run fetched;
        try {
            fetched = wandb.fetch(path.get());
        } catch (WandbClient.KeyRefused refused) {
            key.refused(clock.instant());
            log.warn("W&B: run {} of project {} not fetched: {}. Check daybook.wandb.api-key (DAYBOOK_WANDB_APIKEY); "
                    + "the run is kept as reported.", run.externalId(), event.projectId(), refused.getMessage());
            return;
        } catch (WandbClient.Refused refused) {
            log.info("W&B: run {} of project {} not fetched ({}); keeping it as reported.", run.externalId(),
                    event.projectId(), refused.getMessage());
            return;
        } catch (WandbClient.Unavailable unavailable) {
            if (attempt >= settings.attempts()) {
                log.warn("W&B: gave up on run {} of project {} after {} attempts ({}).", run.externalId(),
                        event.projectId(), attempt, unavailable.getMessage());
                return;
            }
            log.info("W&B: run {} not fetched yet, attempt {} of {} ({}).", run.externalId(), attempt,
                    settings.attempts(), unavailable.getMessage());
            throw unavailable; // the outbox retries later
        }
        key.accepted();
        runs.enrich(event.teamId(), run.id(), "wandb", new MlflowClient.Fetched(fetched.name(), fetched.status(), null,
                null, fetched.metrics(), fetched.params(), fetched.measured()));
    }
}
