package dev.daybook.runs;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.daybook.support.Secrets;

/**
 * A project's experiment runs. A run is known by its external id within its project, so reporting it
 * again (from another update, a script's retry, the tracking server) updates the same run.
 *
 * <p>The sceptic's check: when a report gives a run a metric value better than every other run of the
 * project has for that metric (or the first value of a metric at all), the run becomes
 * {@link Verification#UNVERIFIED} and {@link RunNeedsVerification} is published; a teammate other
 * than its author can then verify or dispute it. Goals count verified runs only.
 */
@Service
@Transactional(readOnly = true)
public class RunService {

    public static final int MAX_ID = 200;
    public static final int MAX_METRICS = 100;
    public static final int MAX_PARAMS = 200;

    /** The outcome of a verify or dispute request. */
    public enum Outcome { DONE, OWN_RUN, NOT_FOUND, NOTHING_TO_CHECK, NO_REASON }

    private final Runs runs;
    private final TrackingServers servers;
    private final Secrets secrets;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    RunService(Runs runs, TrackingServers servers, Secrets secrets, ApplicationEventPublisher events, Clock clock) {
        this.secrets = secrets;
        this.runs = runs;
        this.servers = servers;
        this.events = events;
        this.clock = clock;
    }

    /** Records what is said about a run, creating it on first mention; see the class comment for the check. */
    @Transactional
    public RunView report(String teamId, long projectId, RunReport report) {
        String externalId = Objects.requireNonNull(report.externalId(), "externalId").strip();
        if (externalId.isEmpty() || externalId.length() > MAX_ID) {
            throw new IllegalArgumentException("A run id has 1 to " + MAX_ID + " characters.");
        }
        Instant now = clock.instant();
        boolean created = runs.insertIfAbsent(teamId, projectId, externalId, report.source(), report.reportedBy(), now);
        RunView before = runs.lock(teamId, projectId, externalId).orElseThrow();
        runs.describe(before.id(), report, now);
        if (!report.params().isEmpty()) {
            Map<String, String> params = new LinkedHashMap<>(before.params());
            params.putAll(report.params());
            runs.params(before.id(), params);
        }
        boolean newBest = false;
        for (Map.Entry<String, Double> metric : report.metrics().entrySet()) {
            Double old = before.metrics().get(metric.getKey());
            if (old != null && old.doubleValue() == metric.getValue()) {
                continue;
            }
            newBest |= bestAmongOthers(teamId, projectId, before.id(), metric.getKey())
                    .map(best -> MetricDirection.beats(metric.getKey(), metric.getValue(), best))
                    .orElse(true);
            runs.metric(teamId, before.id(), metric.getKey(), metric.getValue(), now);
        }
        if (newBest && before.verification() != Verification.UNVERIFIED) {
            int round = before.verificationRound() + 1;
            runs.verification(before.id(), Verification.UNVERIFIED, round, null, null, now);
            events.publishEvent(new RunNeedsVerification(teamId, projectId, before.id(), round));
        }
        if (created && servers.find(teamId, projectId).isPresent() && "mlflow".equals(report.source())) {
            events.publishEvent(new RunReferenced(teamId, projectId, before.id()));
        }
        return runs.find(teamId, before.id()).orElseThrow();
    }

    /** A teammate checked the run. Its author cannot: the point is a second pair of eyes. */
    @Transactional
    public Outcome verify(String teamId, long runId, String userId) {
        Optional<RunView> found = runs.lock(teamId, runId);
        if (found.isEmpty()) {
            return Outcome.NOT_FOUND;
        }
        RunView run = found.get();
        if (userId.equals(run.reportedBy())) {
            return Outcome.OWN_RUN;
        }
        if (run.verification() == Verification.NOT_NEEDED) {
            return Outcome.NOTHING_TO_CHECK;
        }
        runs.verification(runId, Verification.VERIFIED, run.verificationRound(), userId, null, clock.instant());
        events.publishEvent(new RunVerificationChanged(teamId, run.projectId(), runId, run.verificationRound()));
        return Outcome.DONE;
    }

    /** A teammate doubts the run's result; the reason is kept and shown beside it. */
    @Transactional
    public Outcome dispute(String teamId, long runId, String userId, String reason) {
        if (reason == null || reason.isBlank()) {
            return Outcome.NO_REASON;
        }
        Optional<RunView> found = runs.lock(teamId, runId);
        if (found.isEmpty()) {
            return Outcome.NOT_FOUND;
        }
        RunView run = found.get();
        String kept = reason.strip().length() > 2000 ? reason.strip().substring(0, 2000) : reason.strip();
        runs.verification(runId, Verification.DISPUTED, run.verificationRound(), userId, kept, clock.instant());
        events.publishEvent(new RunVerificationChanged(teamId, run.projectId(), runId, run.verificationRound()));
        return Outcome.DONE;
    }

    /** Counts one more attempt to fetch the run from its tracking server, in a transaction of its own. */
    @Transactional
    int trackerAttempt(String teamId, long runId) {
        return runs.trackerAttempt(runId);
    }

    /** Merges what the tracking server knows of the run; the sceptic's check applies as for any report. */
    @Transactional
    void enrich(String teamId, long runId, MlflowClient.Fetched fetched) {
        runs.find(teamId, runId).ifPresent(run -> {
            report(teamId, run.projectId(), new RunReport("mlflow", run.externalId(), fetched.name(), null,
                    fetched.status(), fetched.metrics(), fetched.params(), fetched.startedAt(), fetched.finishedAt(), null));
            runs.trackerFetched(runId, clock.instant());
        });
    }

    public Optional<TrackingServer> trackingServer(String teamId, long projectId) {
        return servers.find(teamId, projectId);
    }

    /** Sets the project's MLflow server, or (null) removes it. */
    @Transactional
    public void setTrackingServer(String teamId, long projectId, TrackingServer server) {
        servers.save(teamId, projectId, server);
    }

    /** Sets the project's MLflow server address, keeping the token it has. */
    @Transactional
    public void setTrackingServerAddress(String teamId, long projectId, String url) {
        servers.saveAddress(teamId, projectId, url);
    }

    /**
     * Whether MLflow tokens can be stored: they are kept encrypted under {@code DAYBOOK_ENCRYPTION_KEY},
     * and without one Daybook refuses to keep them at all.
     */
    public boolean canStoreTrackingTokens() {
        return secrets.canSeal();
    }

    public Optional<RunView> byId(String teamId, long runId) {
        return runs.find(teamId, runId);
    }

    public Optional<RunView> byExternalId(String teamId, long projectId, String externalId) {
        return runs.find(teamId, projectId, externalId);
    }

    /** The project's most recently reported or updated runs, newest first. */
    public List<RunView> recent(String teamId, long projectId, int limit) {
        return runs.recent(teamId, projectId, Math.max(0, limit));
    }

    /** Runs reported or updated in {@code [from, to)}, newest first. */
    public List<RunView> between(String teamId, long projectId, Instant from, Instant to) {
        return runs.between(teamId, projectId, from, to);
    }

    /** The verified run with the best value of the metric. */
    public Optional<RunView> best(String teamId, long projectId, String metric) {
        return bestVerified(teamId, projectId, metric, null).flatMap(row -> runs.find(teamId, row.runId()));
    }

    /** The best verified value of the metric among runs verified by {@code asOf}. */
    public Optional<Double> bestVerifiedValue(String teamId, long projectId, String metric, Instant asOf) {
        return bestVerified(teamId, projectId, metric, asOf).map(Runs.MetricRow::value);
    }

    private Optional<Runs.MetricRow> bestVerified(String teamId, long projectId, String metric, Instant asOf) {
        Comparator<Runs.MetricRow> better = Comparator.comparingDouble(Runs.MetricRow::value);
        // Values and checks as they stood then: a value changed since, or a check withdrawn since, does
        // not rewrite what last week's progress was.
        List<Runs.MetricRow> values = asOf == null ? runs.metricValues(teamId, projectId, metric)
                : runs.metricValuesAsOf(teamId, projectId, metric, asOf);
        return values.stream()
                .filter(r -> r.verification() == Verification.VERIFIED)
                .filter(r -> asOf == null || (r.verifiedAt() != null && !r.verifiedAt().isAfter(asOf)))
                .max(MetricDirection.higherIsBetter(metric) ? better : better.reversed());
    }

    /** The best value of the metric among the project's other runs that nobody disputes. */
    private Optional<Double> bestAmongOthers(String teamId, long projectId, long runId, String metric) {
        List<Double> values = runs.metricValues(teamId, projectId, metric).stream()
                .filter(r -> r.runId() != runId && r.verification() != Verification.DISPUTED)
                .map(Runs.MetricRow::value)
                .toList();
        if (values.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(MetricDirection.higherIsBetter(metric)
                ? values.stream().mapToDouble(Double::doubleValue).max().orElseThrow()
                : values.stream().mapToDouble(Double::doubleValue).min().orElseThrow());
    }
}
