package dev.daybook.slack.runs;

import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

import dev.daybook.projects.Project;
import dev.daybook.projects.ProjectDirectory;
import dev.daybook.projects.ProjectLeads;
import dev.daybook.runs.MlflowPolling;
import dev.daybook.slack.blockkit.SlackText;
import dev.daybook.slack.delivery.OncePoster;

/**
 * Tells a project's leads by DM that a watched MLflow experiment vanished, once per disappearance:
 * the polling publishes the event once (the first look that finds it gone), the outbox retries it until
 * it is done, and each lead's DM is keyed by the disappearance, so a retry never sends it twice. Settings
 * keep showing the note until the experiment is removed or corrected.
 */
@Component
class VanishedExperimentNotices {

    private static final Logger log = LoggerFactory.getLogger(VanishedExperimentNotices.class);

    private final ProjectDirectory projects;
    private final ProjectLeads leads;
    private final OncePoster deliveries;

    VanishedExperimentNotices(ProjectDirectory projects, ProjectLeads leads, OncePoster deliveries) {
        this.projects = projects;
        this.leads = leads;
        this.deliveries = deliveries;
    }

    @ApplicationModuleListener(id = "slack.mlflow-experiment-vanished", propagation = Propagation.NOT_SUPPORTED)
    void on(MlflowPolling.ExperimentVanished event) {
        Optional<Project> project = projects.byId(event.projectId()).filter(p -> p.teamId().equals(event.teamId()));
        if (project.isEmpty()) {
            return;
        }
        List<ProjectLeads.Lead> told = leads.of(event.teamId(), event.projectId());
        if (told.isEmpty()) {
            log.info("MLflow: experiment {} of project {} vanished, and the project has no leads to tell; settings show it.",
                    event.experimentId(), event.projectId());
            return;
        }
        String text = text(project.get(), event.experimentId());
        for (ProjectLeads.Lead lead : told) {
            String key = "mlflow-gone:" + event.projectId() + ":" + event.experimentId() + ":"
                    + event.noticedAt().toEpochMilli() + ":" + lead.userId();
            deliveries.postOnce(event.teamId(), key, lead.userId(), null, 1, m -> m.text(text));
        }
    }

    static String text(Project project, String experimentId) {
        return ":warning: MLflow says experiment " + SlackText.escape(experimentId) + ", which #"
                + SlackText.escape(project.name()) + " watches, does not exist (deleted, or a mistyped id). Runs that "
                + "finish in it are not found any more; the project's other experiments are still watched. "
                + "Remove it from *Watched MLflow experiments* in `/daybook settings` in #" + SlackText.escape(project.name())
                + ", or correct the id.";
    }
}
