package dev.daybook.digest.building;

import dev.daybook.digest.summary.GoalLine;
import dev.daybook.digest.summary.OpenBlocker;
import dev.daybook.digest.summary.RunLine;
import dev.daybook.digest.summary.SummaryText;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import dev.daybook.goals.GoalProgress;
import dev.daybook.goals.GoalService;
import dev.daybook.goals.GoalStatus;
import dev.daybook.goals.GoalView;
import dev.daybook.people.PersonDirectory;
import dev.daybook.people.PersonProfile;
import dev.daybook.runs.RunService;
import dev.daybook.runs.RunView;
import dev.daybook.updates.Blockers;

/** The summary's goals, runs and open blockers, from the features that keep them. */
@Component
class RecordedEvidence implements WeekEvidence {

    /** How far back a goal's chart goes. */
    static final Duration CHART_SPAN = Duration.ofDays(7 * 7);
    /** A run's metrics shown in a line; the web page and the run itself have the rest. */
    static final int METRICS_SHOWN = 4;

    private final Blockers blockers;
    private final GoalService goals;
    private final RunService runs;
    private final PersonDirectory people;

    RecordedEvidence(Blockers blockers, GoalService goals, RunService runs, PersonDirectory people) {
        this.blockers = blockers;
        this.goals = goals;
        this.runs = runs;
        this.people = people;
    }

    @Override
    public List<GoalLine> goals(String teamId, long projectId, Instant asOf, ZoneId zone) {
        return goals.progress(teamId, projectId, asOf).stream()
                .filter(p -> p.goal().status() != GoalStatus.DROPPED)
                .map(p -> line(teamId, projectId, p, asOf, zone))
                .toList();
    }

    private GoalLine line(String teamId, long projectId, GoalProgress progress, Instant asOf, ZoneId zone) {
        GoalView goal = progress.goal();
        List<GoalLine.GoalPoint> history = goal.target() == null ? List.of()
                : goals.history(teamId, projectId, goal.slug(), asOf.minus(CHART_SPAN), asOf).stream()
                        .filter(point -> point.value() != null)
                        .map(point -> new GoalLine.GoalPoint(LocalDate.ofInstant(point.at(), zone), point.value()))
                        .toList();
        return new GoalLine(goal.slug(), goal.statement(),
                goal.target() == null ? null : goal.target().metric(),
                goal.target() == null ? null
                        : goal.target().comparison().symbol() + " " + SummaryText.number(goal.target().value()),
                progress.current(), progress.weekAgo(), progress.met(), goal.due(), history);
    }

    @Override
    public List<RunLine> runs(String teamId, long projectId, Instant from, Instant to, ZoneId zone) {
        List<RunView> between = runs.between(teamId, projectId, from, to);
        Map<String, PersonProfile> reporters = people.profiles(teamId,
                between.stream().map(RunView::reportedBy).filter(Objects::nonNull).collect(Collectors.toSet()));
        return between.stream()
                .sorted(java.util.Comparator.comparing(RunView::reportedAt, java.util.Comparator.nullsLast(java.util.Comparator.naturalOrder())))
                .map(run -> new RunLine(run.label(),
                        run.reportedBy() == null ? "a script" : reporters.get(run.reportedBy()).name(),
                        LocalDate.ofInstant(run.reportedAt() == null ? run.updatedAt() : run.reportedAt(), zone),
                        metrics(run.metrics()), check(run), comparability(run)))
                .toList();
    }

    /** Whether a new best is comparable with the previous best, and with the goals' references. */
    private String comparability(RunView run) {
        if (run.verification() == dev.daybook.runs.Verification.NOT_NEEDED) {
            return null;
        }
        List<String> parts = new java.util.ArrayList<>();
        runs.comparedWithPreviousBest(run.teamId(), run.id()).ifPresent(c -> {
            if (c.previous() != null) {
                parts.add(c.differences().isEmpty() ? "comparable with the previous best"
                        : "measured unlike the previous best: " + String.join("; ", c.differences()));
            } else if (!c.differences().isEmpty()) {
                parts.add("first result; " + String.join("; ", c.differences()));
            }
        });
        List<GoalView> awaiting = goals.awaitingComparability(run.teamId(), run.projectId(), run);
        if (!awaiting.isEmpty()) {
            parts.add("not counted for " + awaiting.stream().map(g -> "#" + g.slug()).collect(Collectors.joining(", "))
                    + " until a teammate confirms it is comparable with the reference");
        }
        return parts.isEmpty() ? null : String.join(" · ", parts);
    }

    private static RunLine.Check check(RunView run) {
        return switch (run.verification()) {
            case VERIFIED -> RunLine.Check.VERIFIED;
            case UNVERIFIED -> RunLine.Check.UNVERIFIED;
            case DISPUTED -> RunLine.Check.DISPUTED;
            case NOT_NEEDED -> RunLine.Check.NOT_NEEDED;
        };
    }

    private static String metrics(Map<String, Double> metrics) {
        return metrics.entrySet().stream().sorted(Map.Entry.comparingByKey()).limit(METRICS_SHOWN)
                .map(e -> e.getKey() + "=" + SummaryText.number(e.getValue()))
                .collect(Collectors.joining(", "))
                + (metrics.size() > METRICS_SHOWN ? String.format(Locale.ROOT, " (+%d more)", metrics.size() - METRICS_SHOWN) : "");
    }

    @Override
    public List<OpenBlocker> openBlockers(String teamId, long projectId, LocalDate lastDay) {
        List<dev.daybook.updates.OpenBlocker> open = blockers.openAtEndOf(teamId, projectId, lastDay);
        Map<String, PersonProfile> authors = people.profiles(teamId,
                open.stream().map(dev.daybook.updates.OpenBlocker::userId).collect(Collectors.toSet()));
        return open.stream()
                .map(b -> new OpenBlocker(authors.get(b.userId()).name(), b.text(), b.firstReported(),
                        (int) b.ageDays(), b.clientSince(), b.clientAgeDays()))
                .toList();
    }
}
