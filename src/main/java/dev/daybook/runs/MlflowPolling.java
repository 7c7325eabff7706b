package dev.daybook.runs;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import dev.daybook.runs.tracking.MlflowCursors;
import dev.daybook.runs.tracking.MlflowOwners;
import dev.daybook.runs.tracking.MlflowRunAsks;

/**
 * Runs Daybook finds itself. MLflow has no webhooks for runs, so the experiments a project watches are
 * searched every {@code daybook.mlflow.poll-every} (on one instance of the cluster: the Quartz job) for
 * runs that finished since the last look. Each page of runs is recorded through {@link RunService} (the
 * same runs as those named in updates, known by their MLflow id) in one transaction with the
 * experiment's cursor, so a failure part-way loses nothing and records nothing twice. Their owners are
 * then asked, by the Slack side, to mention them in an update: {@link RunsToMention}.
 */
@Service
public class MlflowPolling {

    public static final int MAX_EXPERIMENTS = 10;
    /** MLflow's experiment ids are numbers; Databricks' too. Letters, '-' and '_' are let through for other servers. */
    private static final Pattern EXPERIMENT_ID = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    /** Pages read from one experiment in one look; the cursor keeps the place for the next look. */
    private static final int MAX_PAGES = 50;
    /** An ask that came after its owner's DM of the day is handed over again a day later, for the next day's DM. */
    private static final Duration HAND_OVER_AGAIN_AFTER = Duration.ofDays(1);
    private static final Logger log = LoggerFactory.getLogger(MlflowPolling.class);

    /**
     * Runs of this owner (MLflow's user, usually an e-mail) were found, and their owner is to be asked to
     * mention them: the Slack side finds the person (the project's owner mapping, else the e-mail) and
     * sends one DM a day at most.
     */
    public record RunsToMention(String teamId, String owner) {
    }

    /**
     * A watched experiment vanished: MLflow says it does not exist (deleted, or the id was mistyped).
     * Published once per disappearance ({@code noticedAt} tells one from the next), so that the Slack
     * side tells the project's leads once, however many looks find it still gone.
     */
    public record ExperimentVanished(String teamId, long projectId, String experimentId, Instant noticedAt) {
    }

    /**
     * One line of a project's owner mapping: who the MLflow user is in Slack, as the Slack side wrote
     * it (a user id, or an e-mail to look up). Settings keep it; the polling does not read it.
     */
    public record OwnerMapping(String mlflowUser, String slackUser) {
    }

    /** A project where the owner has runs to be asked about, and who they are in Slack there, if the project says. */
    public record OwnerInProject(long projectId, String mappedTo) {
    }

    /** A watched experiment as settings show it: the latest look's error, if it failed. */
    public record WatchedExperiment(String experimentId, String lastError, Instant lastErrorAt, Instant polledAt) {
    }

    private final RunService runs;
    private final MlflowClient mlflow;
    private final MlflowSettings settings;
    private final MlflowCursors cursors;
    private final MlflowRunAsks asks;
    private final MlflowOwners owners;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    MlflowPolling(RunService runs, MlflowClient mlflow, MlflowSettings settings, MlflowCursors cursors, MlflowRunAsks asks,
                  MlflowOwners owners, ApplicationEventPublisher events, PlatformTransactionManager transactions, Clock clock) {
        this.runs = runs;
        this.mlflow = mlflow;
        this.settings = settings;
        this.cursors = cursors;
        this.asks = asks;
        this.owners = owners;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** How often the job looks ({@code daybook.mlflow.poll-every}). */
    public Duration interval() {
        return settings.pollEvery();
    }

    // ---- the setting --------------------------------------------------------------------------

    /** What is wrong with a typed list of experiment ids, in words for a person; empty when it may be saved. */
    public static Optional<String> problemWithExperiments(String typed) {
        if (typed == null || typed.isBlank()) {
            return Optional.empty();
        }
        List<String> ids = new ArrayList<>();
        for (String part : typed.split("[,\\s]+")) {
            String id = part.strip();
            if (id.isEmpty()) {
                continue;
            }
            if (!EXPERIMENT_ID.matcher(id).matches()) {
                String shown = id.length() > 20 ? id.substring(0, 20) + "…" : id;
                return Optional.of("“" + shown + "” is not an experiment id. Use the experiment's id (the number in its "
                        + "MLflow address, like …/#/experiments/12), separated by commas.");
            }
            if (!ids.contains(id)) {
                ids.add(id);
            }
        }
        if (ids.size() > MAX_EXPERIMENTS) {
            return Optional.of("At most " + MAX_EXPERIMENTS + " experiments can be watched; " + ids.size() + " are listed.");
        }
        return Optional.empty();
    }

    /** The ids in a typed list that {@link #problemWithExperiments} accepts, without repeats, in order. */
    public static List<String> experimentIds(String typed) {
        if (typed == null || typed.isBlank()) {
            return List.of();
        }
        problemWithExperiments(typed).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        LinkedHashSet<String> ids = new LinkedHashSet<>();
        for (String part : typed.split("[,\\s]+")) {
            if (!part.isBlank()) {
                ids.add(part.strip());
            }
        }
        return List.copyOf(ids);
    }

    /** The experiments the project watches, with where their polling stands. */
    public List<WatchedExperiment> watched(String teamId, long projectId) {
        List<String> ids = cursors.watched(teamId, projectId);
        List<MlflowCursors.Cursor> all = cursors.cursors(teamId, projectId);
        return ids.stream().map(id -> all.stream().filter(c -> c.experimentId().equals(id)).findFirst()
                        .map(c -> new WatchedExperiment(id, c.lastError(), c.lastErrorAt(), c.polledAt()))
                        .orElse(new WatchedExperiment(id, null, null, null)))
                .toList();
    }

    /**
     * Sets the experiments the project watches (the project must have a tracking server). An experiment
     * newly named is searched from now on: runs that finished before are not fetched, nor their owners asked.
     */
    @Transactional
    public void watch(String teamId, long projectId, String typed) {
        List<String> ids = experimentIds(typed);
        if (!ids.isEmpty() && runs.trackingServer(teamId, projectId).isEmpty()) {
            throw new IllegalArgumentException("Watching experiments needs the project's MLflow server.");
        }
        cursors.watch(teamId, projectId, ids, clock.instant());
    }

    // ---- the look -----------------------------------------------------------------------------

    /** One look at every watched experiment, then the owners of runs found are handed over; how many runs were recorded. */
    public int pollAll() {
        int recorded = 0;
        for (MlflowCursors.Cursor cursor : cursors.all()) {
            Optional<TrackingServer> server = runs.trackingServer(cursor.teamId(), cursor.projectId());
            if (server.isEmpty()) {
                continue;
            }
            recorded += poll(server.get(), cursor);
        }
        handOver();
        return recorded;
    }

    /**
     * Reads the experiment's runs that ended after its cursor, page by page. A page is recorded with the
     * cursor moved past it in one transaction; a server that fails part-way leaves the cursor after the
     * last page recorded, and the error in settings. Inside one look the pages follow MLflow's page token;
     * the cursor after a page that is not the last stops just short of its last end time, so runs that
     * ended at the same millisecond on the next page are read again (and recorded once) after a failure.
     */
    private int poll(TrackingServer server, MlflowCursors.Cursor cursor) {
        String teamId = cursor.teamId();
        long projectId = cursor.projectId();
        String experiment = cursor.experimentId();
        if (server.tokenUnreadable()) {
            note(cursor, "The MLflow token can no longer be read (Daybook's encryption key changed): "
                    + "enter it again to watch this experiment.");
            return 0;
        }
        int recorded = 0;
        String pageToken = null;
        // One look keeps one filter: MLflow's page token is only good for the query it came with.
        long endedAfter = cursor.lastEndTime();
        for (int page = 0; page < MAX_PAGES; page++) {
            MlflowClient.Page found;
            try {
                found = mlflow.search(server, experiment, endedAfter, settings.pageSize(), pageToken);
            } catch (MlflowClient.ExperimentGone gone) {
                log.info("MLflow: experiment {} of project {} does not exist any more; its other experiments are "
                        + "still watched.", experiment, projectId);
                Instant now = clock.instant();
                transaction.executeWithoutResult(status -> {
                    // marked gone and the leads' notice published in one transaction: told once, never lost
                    if (cursors.gone(teamId, projectId, experiment, "MLflow says this experiment does not exist "
                            + "(deleted, or a mistyped id). Remove it from the list, or correct it.", now)) {
                        events.publishEvent(new ExperimentVanished(teamId, projectId, experiment, now));
                    }
                });
                return recorded;
            } catch (MlflowClient.Unavailable | MlflowClient.Refused failed) {
                log.info("MLflow: could not search experiment {} of project {} ({}); trying again at the next look.",
                        experiment, projectId, failed.getMessage());
                note(cursor, failed.getMessage() + "; trying again at the next look.");
                return recorded;
            }
            boolean last = found.nextPageToken() == null || found.runs().isEmpty();
            long endTime = found.runs().stream().map(f -> f.fetched().finishedAt()).filter(java.util.Objects::nonNull)
                    .mapToLong(Instant::toEpochMilli).max().orElse(cursor.lastEndTime());
            long moveTo = last || endTime <= cursor.lastEndTime() ? endTime : endTime - 1;
            Instant now = clock.instant();
            recorded += transaction.execute(status -> {
                int count = 0;
                for (MlflowClient.Found run : found.runs()) {
                    MlflowClient.Fetched f = run.fetched();
                    RunView view = runs.recordFound(teamId, projectId, new RunReport("mlflow", run.runId(), f.name(), null,
                            f.status(), f.metrics(), f.params(), f.startedAt(), f.finishedAt(), null, f.measured()));
                    if (run.owner() != null) {
                        asks.note(teamId, projectId, view.id(), run.owner(), now);
                    }
                    count++;
                }
                cursors.advance(teamId, projectId, experiment, moveTo, now);
                return count;
            });
            cursor = new MlflowCursors.Cursor(teamId, projectId, experiment, Math.max(moveTo, cursor.lastEndTime()),
                    null, null, now);
            if (last) {
                break;
            }
            pageToken = found.nextPageToken();
        }
        return recorded;
    }

    private void note(MlflowCursors.Cursor cursor, String error) {
        transaction.executeWithoutResult(status -> cursors.failed(cursor.teamId(), cursor.projectId(),
                cursor.experimentId(), error, clock.instant()));
    }

    /** Hands over the owners of runs found: one event per owner, however many runs and projects. */
    void handOver() {
        Instant now = clock.instant();
        transaction.executeWithoutResult(status -> {
            for (MlflowRunAsks.Owner owner : asks.handOver(now.minus(HAND_OVER_AGAIN_AFTER), now)) {
                events.publishEvent(new RunsToMention(owner.teamId(), owner.owner()));
            }
        });
    }

    // ---- for the Slack side -------------------------------------------------------------------

    /** The project's owner mapping, in the order it was written. */
    public List<OwnerMapping> ownerMapping(String teamId, long projectId) {
        return owners.of(teamId, projectId).stream().map(m -> new OwnerMapping(m.mlflowUser(), m.slackUser())).toList();
    }

    /** Replaces the project's owner mapping, all lines or none. */
    @Transactional
    public void mapOwners(String teamId, long projectId, List<OwnerMapping> mapping) {
        owners.replace(teamId, projectId, mapping.stream()
                .map(m -> new MlflowOwners.Mapping(m.mlflowUser(), m.slackUser())).toList());
    }

    /**
     * The projects where the owner has runs to be asked about, each with who the owner is in Slack there
     * if the project's mapping says (the mapping is per project: one team's "ada" may be two people).
     */
    public List<OwnerInProject> openAsksOf(String teamId, String owner) {
        return asks.openProjects(teamId, owner).stream()
                .map(projectId -> new OwnerInProject(projectId, owners.slackUser(teamId, projectId, owner).orElse(null)))
                .toList();
    }

    /**
     * The runs to list in the owner's DM of {@code day} ({@code userId} is the Slack user they are in
     * these projects): runs they named in an update already are left out for good; the rest are marked
     * as asked on that day, and asking again the same day (a retry) lists the same runs.
     */
    @Transactional
    public List<RunView> runsToMention(String teamId, String owner, String userId, LocalDate day, List<Long> projectIds) {
        int mentioned = asks.settleMentioned(teamId, owner, userId);
        if (mentioned > 0) {
            log.info("MLflow: {} run(s) found were named in updates by their owner already; not asking about them.", mentioned);
        }
        return asks.claimFor(teamId, owner, userId, day, projectIds).stream()
                .map(ask -> runs.byId(teamId, ask.runId()).orElse(null))
                .filter(java.util.Objects::nonNull)
                .toList();
    }

    /** Nobody in Slack is the owner in these projects: their runs stay recorded, and nobody is asked about them. */
    @Transactional
    public void ownerNotInSlack(String teamId, String owner, List<Long> projectIds) {
        asks.settleWithoutSlackUser(teamId, owner, projectIds);
    }

    /** How a run's ask stands ({@code asked}, {@code mentioned}, {@code no_slack_user}), or null. */
    public String askOutcome(String teamId, long runId) {
        return asks.outcome(teamId, runId);
    }
}
