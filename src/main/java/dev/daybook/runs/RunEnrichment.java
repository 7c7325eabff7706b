package dev.daybook.runs;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

/**
 * Fetches a referenced run's metrics from the project's MLflow server, after the update or API call
 * that named it has been answered. A server that is down, slow or sends junk is asked again by the
 * outbox retry, at most {@link MlflowSettings#attempts()} times; the run is kept as reported meanwhile.
 */
@Component
class RunEnrichment {

    private static final Logger log = LoggerFactory.getLogger(RunEnrichment.class);

    private final RunService runs;
    private final MlflowClient mlflow;
    private final MlflowSettings settings;

    RunEnrichment(RunService runs, MlflowClient mlflow, MlflowSettings settings) {
        this.runs = runs;
        this.mlflow = mlflow;
        this.settings = settings;
    }

    @ApplicationModuleListener(id = "runs.mlflow", propagation = Propagation.NOT_SUPPORTED)
    void on(RunReferenced event) {
        RunView run = runs.byId(event.teamId(), event.runId()).orElse(null);
        TrackingServer server = runs.trackingServer(event.teamId(), event.projectId()).orElse(null);
        if (run == null || server == null || "wandb".equals(run.source())) {
            return;
        }
        if (server.tokenUnreadable()) {
            // Asking again would fail the same way for ever: done until someone enters the token again.
            log.info("MLflow: run {} of project {} not fetched: the project's token cannot be read "
                    + "(the encryption key changed); it must be entered again in /daybook settings.",
                    run.externalId(), event.projectId());
            return;
        }
        int attempt = runs.trackerAttempt(event.teamId(), run.id());
        MlflowClient.Fetched fetched;
        try {
            fetched = mlflow.fetch(server, run.externalId());
        } catch (MlflowClient.Refused refused) {
            log.info("MLflow: run {} of project {} not fetched ({}); keeping it as reported.", run.externalId(),
                    event.projectId(), refused.getMessage());
            return;
        } catch (MlflowClient.Unavailable unavailable) {
            if (attempt >= settings.attempts()) {
                log.warn("MLflow: gave up on run {} of project {} after {} attempts ({}).", run.externalId(),
                        event.projectId(), attempt, unavailable.getMessage());
                return;
            }
            log.info("MLflow: run {} not fetched yet, attempt {} of {} ({}).", run.externalId(), attempt,
                    settings.attempts(), unavailable.getMessage());
            throw unavailable; // the outbox retries later
        }
        runs.enrich(event.teamId(), run.id(), fetched);
    }
}
