package dev.daybook.runs;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import java.time.Duration;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.daybook.support.GuardedHttp;
import dev.daybook.support.HostResolver;
import dev.daybook.support.OutboundAddressRule;
import dev.daybook.support.Secrets;
import dev.daybook.runs.tracking.TrackingServers;
import dev.daybook.runs.wandb.WandbKeyState;
import dev.daybook.runs.wandb.WandbSettings;
import dev.daybook.runs.comparison.ComparisonRule;
import dev.daybook.runs.comparison.MetricDirection;

/**
 * A project's experiment runs. A run is known by its external id within its project, so reporting it
 * again (from another update, a script's retry, the tracking server) updates the same run.
 *
 * <p>Each run keeps what each of its sources says (an update, a script, the tracking server); its
 * metrics are the latest value among them. Withdrawing an update withdraws its values, and a run that
 * nothing reports any more is gone.
 *
 * <p>The sceptic's check: when a report gives a run a metric value better than every other run of the
 * project has for that metric (or the first value of a metric at all), the run becomes
 * {@link Verification#UNVERIFIED} and {@link RunNeedsVerification} is published; a teammate who did
 * not report the numbers it shows can then verify or dispute it. Goals count verified runs only.
 */
@Service
@Transactional(readOnly = true)
public class RunService {

    public static final int MAX_ID = 200;
    public static final int MAX_METRICS = 100;
    public static final int MAX_PARAMS = 200;
    public static final int MAX_REASON = 2000;
    private static final String TRACKER = "tracker";
    /** How long saving a tracking server waits for its name to resolve: the form has Slack's three seconds. */
    private static final Duration SAVE_LOOKUP = Duration.ofMillis(1000);

    /** The outcome of a verify or dispute request. */
    public enum Outcome { DONE, OWN_RUN, NOT_FOUND, NOTHING_TO_CHECK, NO_REASON, OUT_OF_DATE }

    private final Runs runs;
    private final TrackingServers servers;
    private final Secrets secrets;
    private final TrackingServerSettings addresses;
    private final HostResolver resolver;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final WandbSettings wandb;
    private final WandbKeyState wandbKey;

    RunService(Runs runs, TrackingServers servers, Secrets secrets, TrackingServerSettings addresses,
               WandbSettings wandb, WandbKeyState wandbKey, HostResolver resolver, ApplicationEventPublisher events,
               Clock clock) {
        this.wandb = wandb;
        this.wandbKey = wandbKey;
        this.secrets = secrets;
        this.addresses = addresses;
        this.resolver = resolver;
        this.runs = runs;
        this.servers = servers;
        this.events = events;
        this.clock = clock;
    }

    /**
     * Records what a script (the API) says about a run, creating it on first mention; see the class
     * comment for the check. Metrics and params are merged into what the script said before.
     */
    @Transactional
    public RunView report(String teamId, long projectId, RunReport report) {
        String origin = "mlflow".equals(report.source()) && report.reportedBy() == null ? TRACKER
                : report.reportedBy() == null ? "api" : "api:" + report.reportedBy();
        return record(teamId, projectId, report, origin, null, false, null);
    }

    /**
     * Records a run found by searching the tracking server, with all the server said of it: the same
     * run as one reported by an update or a script with its id, and not fetched again after.
     */
    @Transactional
    RunView recordFound(String teamId, long projectId, RunReport report) {
        RunView run = record(teamId, projectId, report, TRACKER, null, false, null, false);
        runs.trackerFetched(run.id(), clock.instant());
        return run;
    }

    /**
     * Records the runs an update names now, as that update's (its author's) reports: a run it no
     * longer names, or a metric it no longer gives, is withdrawn from what the update says, as if it
     * had never said it.
     */
    @Transactional
    /**
     * What an update says of its runs. {@code saidAt} is when its author said it (the revision's time),
     * so that of two people's values the one said last stands, whichever update is derived first.
     */
    public void reportUpdate(String teamId, long projectId, long updateId, String authorId, List<RunReport> named,
                             Instant saidAt) {
        Set<Long> kept = new HashSet<>();
        for (RunReport report : named) {
            kept.add(record(teamId, projectId, report, "update:" + updateId, updateId, true, saidAt).id());
        }
        for (long[] source : runs.sourcesOfUpdate(teamId, updateId)) {
            if (!kept.contains(source[1])) {
                withdraw(teamId, source[0], source[1]);
            }
        }
    }

    /** The updates that named a run, latest first: what an answer about the run cites. */
    public List<Long> updatesNaming(String teamId, long runId) {
        return runs.updatesNaming(teamId, runId);
    }

    /** The update is gone (deleted, or its message was): what it said of any run goes with it. */
    @Transactional
    public void withdrawUpdate(String teamId, long updateId) {
        for (long[] source : runs.sourcesOfUpdate(teamId, updateId)) {
            withdraw(teamId, source[0], source[1]);
        }
    }

    private void withdraw(String teamId, long sourceId, long runId) {
        runs.lock(teamId, runId).ifPresent(run -> {
            runs.deleteSource(sourceId);
            settle(run, clock.instant(), true);
        });
    }

    private RunView record(String teamId, long projectId, RunReport report, String origin, Long updateId,
                           boolean replaceMetrics, Instant saidAt) {
        return record(teamId, projectId, report, origin, updateId, replaceMetrics, saidAt, true);
    }

    private RunView record(String teamId, long projectId, RunReport report, String origin, Long updateId,
                           boolean replaceMetrics, Instant saidAt, boolean fetchNew) {
        String externalId = Objects.requireNonNull(report.externalId(), "externalId").strip();
        if (externalId.isEmpty() || externalId.length() > MAX_ID) {
            throw new IllegalArgumentException("A run id has 1 to " + MAX_ID + " characters.");
        }
        Instant now = clock.instant();
        boolean created = runs.insertIfAbsent(teamId, projectId, externalId, report.source(), report.reportedBy(), now);
        RunView before = runs.lock(teamId, projectId, externalId).orElseThrow();
        runs.describe(before.id(), report, now);
        if (before.comparableConfirmedBy() != null && !before.measured().with(report.measured()).equals(before.measured())) {
            // what was confirmed comparable was another measurement
            runs.comparable(before.id(), null, now);
        }
        if (!report.params().isEmpty()) {
            Map<String, String> params = new LinkedHashMap<>(before.params());
            params.putAll(report.params());
            runs.params(before.id(), params);
        }
        long sourceId = runs.source(teamId, before.id(), origin, updateId, report.reportedBy(), now);
        Set<String> saidBefore = new HashSet<>();
        runs.said(before.id()).stream().filter(s -> s.sourceId() == sourceId && s.metric() != null)
                .forEach(s -> saidBefore.add(s.metric()));
        Set<String> names = new HashSet<>(before.metrics().keySet());
        for (Map.Entry<String, Double> metric : report.metrics().entrySet()) {
            // A run keeps at most MAX_METRICS metrics: past that, new names are not taken (a message
            // listing thousands of them would be refused by Slack, and nobody reads them).
            if (!names.contains(metric.getKey()) && names.size() >= MAX_METRICS) {
                continue;
            }
            names.add(metric.getKey());
            runs.sourceMetric(teamId, sourceId, metric.getKey(), metric.getValue(), saidAt == null ? now : saidAt);
        }
        if (replaceMetrics) {
            saidBefore.stream().filter(name -> !report.metrics().containsKey(name))
                    .forEach(name -> runs.removeSourceMetric(sourceId, name));
        }
        settle(before, now, replaceMetrics);
        if (created && fetchNew && ("mlflow".equals(report.source()) ? servers.find(teamId, projectId).isPresent()
                : "wandb".equals(report.source()) && wandb.configured())) {
            events.publishEvent(new RunReferenced(teamId, projectId, before.id()));
        }
        return runs.find(teamId, before.id()).orElseThrow();
    }

    /**
     * Brings the run in line with what its sources still say: each metric's latest value, the first
     * person who reported it, and the sceptic's check for values that changed. A run nothing says
     * anything about any more is deleted.
     */
    private void settle(RunView before, Instant now, boolean repairHistory) {
        List<Runs.Said> said = runs.said(before.id());
        if (said.isEmpty()) {
            runs.delete(before.id());
            events.publishEvent(new RunWithdrawn(before.teamId(), before.projectId(), before.id(),
                    before.verificationRound()));
            return;
        }
        Map<String, Runs.Said> latest = new LinkedHashMap<>();
        for (Runs.Said s : said) {
            if (s.metric() == null) {
                continue;
            }
            Runs.Said current = latest.get(s.metric());
            if (current == null || s.recordedAt().isAfter(current.recordedAt())
                    || (s.recordedAt().equals(current.recordedAt()) && s.sourceId() > current.sourceId())) {
                latest.put(s.metric(), s);
            }
        }
        Map<String, Double> after = new LinkedHashMap<>();
        Set<String> changed = new LinkedHashSet<>();
        for (Runs.Said s : latest.values()) {
            after.put(s.metric(), s.value());
            Double old = before.metrics().get(s.metric());
            if (old == null || old.doubleValue() != s.value()) {
                runs.metric(before.teamId(), before.id(), s.metric(), s.value(), s.sourceId(), now);
                changed.add(s.metric());
            } else if (repairHistory && !runs.historyShows(before.id(), s.metric(), s.value())) {
                // the history's latest value was withdrawn: what stands now is this
                runs.history(before.teamId(), before.id(), s.metric(), s.value(), s.sourceId(), now);
            }
        }
        for (String name : before.metrics().keySet()) {
            if (!after.containsKey(name)) {
                runs.removeMetric(before.id(), name);
                changed.add(name);
            }
        }
        String firstPerson = said.stream().map(Runs.Said::person).filter(Objects::nonNull).findFirst().orElse(null);
        if (!Objects.equals(firstPerson, before.reportedBy())) {
            runs.reportedBy(before.id(), firstPerson);
        }
        if (!changed.isEmpty()) {
            runs.touch(before.id(), now);
            check(before, after, changed, now);
        }
    }

    /**
     * The sceptic's check after the run's values changed: a value that is the project's new best needs
     * a teammate's check; a checked value that changed or went needs a new check if the run still holds
     * a best, and none if it no longer does.
     */
    private void check(RunView before, Map<String, Double> after, Set<String> changed, Instant now) {
        String teamId = before.teamId();
        boolean changedBest = changed.stream().filter(after::containsKey)
                .anyMatch(m -> holdsBest(teamId, before.projectId(), before.id(), m, after.get(m)));
        boolean checkedValueChanged = changed.stream().anyMatch(before.metrics()::containsKey);
        boolean holdsBest = changedBest || after.entrySet().stream()
                .anyMatch(e -> holdsBest(teamId, before.projectId(), before.id(), e.getKey(), e.getValue()));
        int round = before.verificationRound();
        switch (before.verification()) {
            case NOT_NEEDED -> {
                if (changedBest) {
                    newRound(before, now);
                }
            }
            case UNVERIFIED -> {
                if (!holdsBest) {
                    runs.verification(before.id(), Verification.NOT_NEEDED, round, null, null, now);
                }
                events.publishEvent(new RunVerificationChanged(teamId, before.projectId(), before.id(), round));
            }
            case VERIFIED, DISPUTED -> {
                if (changedBest || (checkedValueChanged && holdsBest)) {
                    newRound(before, now);
                } else if (checkedValueChanged) {
                    runs.verification(before.id(), Verification.NOT_NEEDED, round, null, null, now);
                    events.publishEvent(new RunVerificationChanged(teamId, before.projectId(), before.id(), round));
                }
            }
        }
    }

    private void newRound(RunView run, Instant now) {
        int round = run.verificationRound() + 1;
        runs.verification(run.id(), Verification.UNVERIFIED, round, null, null, now);
        events.publishEvent(new RunNeedsVerification(run.teamId(), run.projectId(), run.id(), round));
        if (run.verificationRound() > 0) {
            // the earlier round's message says that its result changed
            events.publishEvent(new RunVerificationChanged(run.teamId(), run.projectId(), run.id(), run.verificationRound()));
        }
    }

    private boolean holdsBest(String teamId, long projectId, long runId, String metric, double value) {
        return bestAmongOthers(teamId, projectId, runId, metric).map(best -> MetricDirection.beats(metric, value, best))
                .orElse(true);
    }

    /**
     * A teammate checked the run's result as shown in round {@code round} of its check. Whoever reported
     * one of the numbers it shows cannot: the point is a second pair of eyes ({@link ValueReporters}).
     */
    @Transactional
    public Outcome verify(String teamId, long runId, int round, String userId) {
        Optional<RunView> found = runs.lock(teamId, runId);
        if (found.isEmpty()) {
            return Outcome.NOT_FOUND;
        }
        RunView run = found.get();
        if (run.verification() == Verification.NOT_NEEDED) {
            return Outcome.NOTHING_TO_CHECK;
        }
        if (round != run.verificationRound()) {
            return Outcome.OUT_OF_DATE;
        }
        if (run.reportedByPerson(userId)) {
            return Outcome.OWN_RUN;
        }
        runs.verification(runId, Verification.VERIFIED, run.verificationRound(), userId, null, clock.instant());
        events.publishEvent(new RunVerificationChanged(teamId, run.projectId(), runId, run.verificationRound()));
        return Outcome.DONE;
    }

    /**
     * A teammate confirms that the run, though measured on another dataset or split than a goal's
     * reference, is comparable with it: it then counts for the project's goals. As for verifying,
     * whoever reported one of its numbers cannot.
     */
    @Transactional
    public Outcome confirmComparable(String teamId, long runId, String userId) {
        Optional<RunView> found = runs.lock(teamId, runId);
        if (found.isEmpty()) {
            return Outcome.NOT_FOUND;
        }
        if (found.get().reportedByPerson(userId)) {
            return Outcome.OWN_RUN;
        }
        if (found.get().comparableConfirmedBy() == null) {
            runs.comparable(runId, userId, clock.instant());
            events.publishEvent(new RunVerificationChanged(teamId, found.get().projectId(), runId,
                    found.get().verificationRound()));
        }
        return Outcome.DONE;
    }

    /** Verifies the run's result as it stands now (its current round). */
    @Transactional
    public Outcome verify(String teamId, long runId, String userId) {
        return runs.find(teamId, runId).map(run -> verify(teamId, runId, run.verificationRound(), userId))
                .orElse(Outcome.NOT_FOUND);
    }

    /** A teammate doubts the result shown in round {@code round} of the run's check; the reason is kept. */
    @Transactional
    public Outcome dispute(String teamId, long runId, int round, String userId, String reason) {
        if (reason == null || reason.isBlank()) {
            return Outcome.NO_REASON;
        }
        Optional<RunView> found = runs.lock(teamId, runId);
        if (found.isEmpty()) {
            return Outcome.NOT_FOUND;
        }
        RunView run = found.get();
        if (run.verification() == Verification.NOT_NEEDED) {
            return Outcome.NOTHING_TO_CHECK;
        }
        if (round != run.verificationRound()) {
            return Outcome.OUT_OF_DATE;
        }
        String kept = reason.strip().length() > MAX_REASON ? reason.strip().substring(0, MAX_REASON) : reason.strip();
        runs.verification(runId, Verification.DISPUTED, run.verificationRound(), userId, kept, clock.instant());
        events.publishEvent(new RunVerificationChanged(teamId, run.projectId(), runId, run.verificationRound()));
        return Outcome.DONE;
    }

    /** Counts one more attempt to fetch the run from its tracking server, in a transaction of its own. */
    @Transactional
    int trackerAttempt(String teamId, long runId) {
        return runs.trackerAttempt(runId);
    }

    @Transactional
    void enrich(String teamId, long runId, MlflowClient.Fetched fetched) {
        enrich(teamId, runId, "mlflow", fetched);
    }

    /**
     * Merges what the tracking server ({@code mlflow} or {@code wandb}) knows of the run; the sceptic's
     * check applies as for any report.
     */
    @Transactional
    void enrich(String teamId, long runId, String tracker, MlflowClient.Fetched fetched) {
        runs.find(teamId, runId).ifPresent(run -> {
            record(teamId, run.projectId(), new RunReport(tracker, run.externalId(), fetched.name(), null,
                    fetched.status(), fetched.metrics(), fetched.params(), fetched.startedAt(), fetched.finishedAt(), null,
                    fetched.measured()), TRACKER, null, false, null);
            runs.trackerFetched(runId, clock.instant());
        });
    }

    /** Whether runs named by their W&B link are read from W&B, and whether W&B refused the key. */
    public WandbStatus wandbStatus() {
        return new WandbStatus(wandb.configured(), wandb.configured() ? wandbKey.refusedAt() : null);
    }

    public Optional<TrackingServer> trackingServer(String teamId, long projectId) {
        return servers.find(teamId, projectId);
    }

    /**
     * What is wrong with an MLflow server address a person typed, in words for them; empty when it may
     * be saved. The name is resolved too (briefly: an answer that does not come in time, or no answer,
     * leaves the check to when the server is called), so that a name for a private address is refused now.
     */
    public Optional<String> problemWithTrackingServer(String url) {
        OutboundAddressRule.Policy policy = addresses.policy();
        Optional<String> problem = OutboundAddressRule.problemWithUrl(url, policy);
        if (problem.isPresent()) {
            return problem;
        }
        return GuardedHttp.problemWithName(url, policy, resolver, SAVE_LOOKUP);
    }

    /**
     * Sets the project's MLflow server, or (null) removes it. The address must pass
     * {@link #problemWithTrackingServer}'s rule, whoever calls this.
     */
    @Transactional
    public void setTrackingServer(String teamId, long projectId, TrackingServer server) {
        if (server != null) {
            requireCallable(server.url());
        }
        servers.save(teamId, projectId, server);
    }

    /**
     * Sets the project's MLflow server address, keeping its token only when the address stays the same:
     * a token belongs to the server it was given for, and is never sent to another.
     */
    @Transactional
    public void setTrackingServerAddress(String teamId, long projectId, String url) {
        requireCallable(url);
        servers.saveAddress(teamId, projectId, url);
    }

    /** Whether the server at {@code url} is the one the project has (a token stored for it applies). */
    public boolean isCurrentTrackingServer(String teamId, long projectId, String url) {
        return servers.find(teamId, projectId).map(s -> TrackingServers.sameAddress(s.url(), url)).orElse(false);
    }

    private void requireCallable(String url) {
        OutboundAddressRule.problemWithUrl(url, addresses.policy()).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
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
        return bestVerifiedValue(teamId, projectId, metric, asOf, null, null);
    }

    /**
     * The best verified value of the metric among runs verified by {@code asOf} that count for a goal
     * measured on this reference ({@link ComparisonRule#fit}): measured on it, or confirmed comparable by then.
     */
    public Optional<Double> bestVerifiedValue(String teamId, long projectId, String metric, Instant asOf,
                                              String referenceDataset, String referenceSplit) {
        Comparator<Runs.MetricRow> better = Comparator.comparingDouble(Runs.MetricRow::value);
        List<Runs.MetricRow> values = asOf == null ? runs.metricValues(teamId, projectId, metric)
                : runs.metricValuesAsOf(teamId, projectId, metric, asOf);
        return values.stream()
                .filter(r -> r.verification() == Verification.VERIFIED)
                .filter(r -> asOf == null || (r.verifiedAt() != null && !r.verifiedAt().isAfter(asOf)))
                .filter(r -> ComparisonRule.fit(referenceDataset, referenceSplit, r.measured()) == ComparisonRule.Fit.FITS
                        || (r.comparableAt() != null && (asOf == null || !r.comparableAt().isAfter(asOf))))
                .max(MetricDirection.higherIsBetter(metric) ? better : better.reversed())
                .map(Runs.MetricRow::value);
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

    /** How many of a project's latest runs are looked at to count the seeds a setup was run with. */
    private static final int SETUPS_LOOKED_AT = 1000;

    /**
     * How a run that holds a best compares with the previous best, on the first metric (by name) it
     * holds a best of: what differs ({@link ComparisonRule}). Empty when it holds no best.
     */
    public Optional<BestComparison> comparedWithPreviousBest(String teamId, long runId) {
        Optional<RunView> found = runs.find(teamId, runId);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        RunView run = found.get();
        ComparisonRule.Measured current = measured(run);
        List<Runs.Setup> setups = runs.setups(teamId, run.projectId(), SETUPS_LOOKED_AT);
        long seeds = setups.stream().filter(s -> s.runId() == runId || ComparisonRule.sameSetup(s.measured(), current))
                .map(s -> s.runId() == runId ? run.measured().seed() : s.measured().measured().seed())
                .filter(Objects::nonNull).distinct().count();
        for (String metric : new java.util.TreeSet<>(run.metrics().keySet())) {
            double value = run.metrics().get(metric);
            if (!holdsBest(teamId, run.projectId(), runId, metric, value)) {
                continue;
            }
            Optional<RunView> previous = bestOtherRun(teamId, run.projectId(), runId, metric)
                    .flatMap(id -> runs.find(teamId, id));
            return Optional.of(new BestComparison(metric, previous.orElse(null),
                    ComparisonRule.differences(current, previous.map(RunService::measured).orElse(null),
                            (int) Math.max(1, seeds))));
        }
        return Optional.empty();
    }

    private Optional<Long> bestOtherRun(String teamId, long projectId, long runId, String metric) {
        Comparator<Runs.MetricRow> better = Comparator.comparingDouble(Runs.MetricRow::value);
        return runs.metricValues(teamId, projectId, metric).stream()
                .filter(r -> r.runId() != runId && r.verification() != Verification.DISPUTED)
                .max(MetricDirection.higherIsBetter(metric) ? better : better.reversed())
                .map(Runs.MetricRow::runId);
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

    private static ComparisonRule.Measured measured(RunView run) {
        return new ComparisonRule.Measured(run.measured(), run.params());
    }
}
