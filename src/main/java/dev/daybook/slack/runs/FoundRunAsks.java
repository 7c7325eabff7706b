package dev.daybook.slack.runs;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

import dev.daybook.people.PersonDirectory;
import dev.daybook.projects.Project;
import dev.daybook.projects.ProjectDirectory;
import dev.daybook.runs.MlflowPolling;
import dev.daybook.runs.RunView;
import dev.daybook.slack.blockkit.SlackText;
import dev.daybook.slack.client.SlackPeople;
import dev.daybook.slack.delivery.OncePoster;

/**
 * Asks the owner of runs Daybook found in MLflow to mention them in their update: the project's owner
 * mapping says who the MLflow user is in Slack (a user id, or an e-mail), else the MLflow user's
 * e-mail is looked up in Slack, and one DM per person and day (their day) lists every run found for
 * them not yet asked about, across projects. A run they named in an update already is left out; an
 * owner nobody in Slack is (no mapping, and no Slack user has the e-mail) is logged, and their runs stay recorded. Runs found after the day's DM wait
 * for the next day's (the polling hands them over again a day later).
 */
@Component
class FoundRunAsks {

    /** Runs listed one by one in the DM; more are counted. */
    static final int LISTED = 15;
    private static final Logger log = LoggerFactory.getLogger(FoundRunAsks.class);

    private final MlflowPolling polling;
    private final SlackPeople slackPeople;
    private final PersonDirectory people;
    private final ProjectDirectory projects;
    private final OncePoster deliveries;
    private final Clock clock;

    FoundRunAsks(MlflowPolling polling, SlackPeople slackPeople, PersonDirectory people, ProjectDirectory projects,
                 OncePoster deliveries, Clock clock) {
        this.polling = polling;
        this.slackPeople = slackPeople;
        this.people = people;
        this.projects = projects;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    @ApplicationModuleListener(id = "slack.mlflow-runs-to-mention", propagation = Propagation.NOT_SUPPORTED)
    void on(MlflowPolling.RunsToMention event) {
        String teamId = event.teamId();
        String owner = event.owner();
        // Who the owner is, project by project: the project's mapping wins, else the MLflow e-mail.
        Map<String, List<Long>> byUser = new LinkedHashMap<>();
        List<Long> nobody = new ArrayList<>();
        Map<String, Optional<String>> looked = new HashMap<>();
        for (MlflowPolling.OwnerInProject in : polling.openAsksOf(teamId, owner)) {
            String target = in.mappedTo() != null ? in.mappedTo() : owner;
            Optional<String> user = !target.contains("@") ? (in.mappedTo() != null ? Optional.of(target) : Optional.empty())
                    : looked.computeIfAbsent(target.toLowerCase(java.util.Locale.ROOT), email -> slackPeople.byEmail(teamId, email));
            if (user.isPresent()) {
                byUser.computeIfAbsent(user.get(), u -> new ArrayList<>()).add(in.projectId());
            } else {
                log.info("MLflow: nobody in Slack is a run owner in project {} ({}); their runs are recorded and nobody is asked.",
                        in.projectId(), in.mappedTo() != null ? "the mapped e-mail: users_not_found"
                                : target.contains("@") ? "users_not_found" : "not an e-mail, and not in the project's mapping");
                nobody.add(in.projectId());
            }
        }
        if (!nobody.isEmpty()) {
            polling.ownerNotInSlack(teamId, owner, nobody);
        }
        byUser.forEach((userId, projectIds) -> ask(teamId, owner, userId, projectIds));
    }

    private void ask(String teamId, String owner, String userId, List<Long> projectIds) {
        LocalDate day = people.calendar(teamId, userId).dayAt(clock.instant());
        String key = "mlflow-runs:" + userId + ":" + day;
        if (deliveries.find(teamId, key).isPresent()) {
            return; // today's DM went out: what was found since waits for tomorrow's
        }
        List<RunView> runs = polling.runsToMention(teamId, owner, userId, day, projectIds);
        if (runs.isEmpty()) {
            return;
        }
        String text = text(runs);
        deliveries.postOnce(teamId, key, userId, null, 1, m -> m.text(text));
    }

    private String text(List<RunView> runs) {
        StringBuilder text = new StringBuilder(runs.size() == 1
                ? ":test_tube: A run of yours finished in MLflow. Could you mention it in your update?"
                : ":test_tube: " + runs.size() + " runs of yours finished in MLflow. Could you mention them in your update?");
        for (RunView run : runs.subList(0, Math.min(LISTED, runs.size()))) {
            String project = projects.byId(run.projectId()).map(Project::name).orElse("?");
            text.append("\n• `mlflow:").append(SlackText.escape(run.externalId())).append('`');
            if (run.name() != null) {
                text.append(" ").append(SlackText.escape(run.name()));
            }
            text.append(" in #").append(SlackText.escape(project));
            run.metrics().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey()).limit(3)
                    .forEach(m -> text.append(" · ").append(SlackText.escape(m.getKey())).append(' ').append(m.getValue()));
        }
        if (runs.size() > LISTED) {
            text.append("\n…and ").append(runs.size() - LISTED).append(" more.");
        }
        text.append("\nWriting `mlflow:<run id>` in an update links it; what it showed, or that it did not work, is worth a line.");
        return text.toString();
    }
}
