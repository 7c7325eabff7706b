package dev.daybook.goals;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.daybook.runs.comparison.ComparisonRule;
import dev.daybook.runs.RunService;

/** A project's client goals, and their progress from verified runs. */
@Service
@Transactional(readOnly = true)
public class GoalService {

    /** Field names of {@link GoalDraft}, for errors shown beside the right input. */
    public static final String SLUG = "slug", STATEMENT = "statement", CLIENT = "client", TARGET = "target",
            DUE = "due", STATUS = "status", REFERENCE_DATASET = "reference_dataset", REFERENCE_SPLIT = "reference_split";

    private static final Pattern SLUG_FORM = Pattern.compile("[a-z][a-z0-9-]{0,62}");
    private static final Duration WEEK = Duration.ofDays(7);
    private static final int MAX_WEEKS = 260;

    /** The outcome of saving a goal: the goal, or errors by field. */
    public record Saved(Optional<GoalView> goal, Map<String, String> errors) {
    }

    private final Goals goals;
    private final RunService runs;
    private final Clock clock;

    GoalService(Goals goals, RunService runs, Clock clock) {
        this.goals = goals;
        this.runs = runs;
        this.clock = clock;
    }

    public List<GoalView> goals(String teamId, long projectId) {
        return goals.all(teamId, projectId);
    }

    public Optional<GoalView> goal(String teamId, long projectId, String slug) {
        return goals.bySlug(teamId, projectId, slug.toLowerCase(Locale.ROOT));
    }

    public Optional<GoalView> byId(String teamId, long id) {
        return goals.byId(teamId, id);
    }

    /** Of the slugs an update names, those that are no goal of the project. */
    public List<String> unknown(String teamId, long projectId, Collection<String> slugs) {
        List<String> known = goals.all(teamId, projectId).stream().map(GoalView::slug).toList();
        return slugs.stream().distinct().filter(s -> !known.contains(s)).toList();
    }

    /**
     * Adds a goal ({@code editing} null) or changes one. Nothing is saved unless every field is usable;
     * the errors say what to change.
     */
    @Transactional
    public Saved save(String teamId, long projectId, Long editing, GoalDraft draft) {
        Map<String, String> errors = new LinkedHashMap<>();
        String slug = trim(draft.slug());
        if (slug != null && slug.startsWith("#")) {
            slug = slug.substring(1);
        }
        slug = slug == null ? null : slug.toLowerCase(Locale.ROOT);
        if (slug == null || !SLUG_FORM.matcher(slug).matches()) {
            errors.put(SLUG, "Use a short name of lower-case letters, digits and dashes, starting with a letter, like `invoice-precision`.");
        }
        String statement = trim(draft.statement());
        if (statement == null) {
            errors.put(STATEMENT, "Say what the client was promised.");
        } else if (statement.length() > 2000) {
            errors.put(STATEMENT, "Keep the statement under 2,000 characters.");
        }
        String client = trim(draft.client());
        if (client != null && client.length() > 255) {
            errors.put(CLIENT, "Keep the client's name under 255 characters.");
        }
        GoalTarget target = null;
        if (trim(draft.target()) != null) {
            GoalTarget.Parsed parsed = GoalTarget.parse(draft.target());
            if (parsed.target().isEmpty()) {
                errors.put(TARGET, parsed.problem());
            } else {
                target = parsed.target().get();
            }
        }
        LocalDate due = null;
        if (trim(draft.due()) != null) {
            try {
                due = LocalDate.parse(trim(draft.due()));
            } catch (DateTimeParseException e) {
                errors.put(DUE, "Write the due date like 2026-12-31.");
            }
        }
        Optional<GoalStatus> status = GoalStatus.parse(draft.status());
        if (status.isEmpty()) {
            errors.put(STATUS, "Choose a status from the list: active, at risk, achieved or dropped.");
        }
        String referenceDataset = trim(draft.referenceDataset());
        String referenceSplit = trim(draft.referenceSplit());
        ComparisonRule.problemWithReference(referenceDataset, null).ifPresent(p -> errors.put(REFERENCE_DATASET, p));
        ComparisonRule.problemWithReference(null, referenceSplit).ifPresent(p -> errors.put(REFERENCE_SPLIT, p));
        Optional<GoalView> existing = editing == null ? Optional.empty() : goals.byId(teamId, editing)
                .filter(g -> g.projectId() == projectId);
        if (editing != null && existing.isEmpty()) {
            errors.put(SLUG, "That goal is gone; it may have been removed with its project.");
        }
        if (!errors.isEmpty()) {
            return new Saved(Optional.empty(), errors);
        }
        GoalView goal = new GoalView(0, teamId, projectId, slug, statement, client, target, due, status.get(),
                referenceDataset, referenceSplit);
        Instant now = clock.instant();
        Optional<GoalView> sameSlug = goals.bySlug(teamId, projectId, slug);
        if (sameSlug.isPresent() && (editing == null || sameSlug.get().id() != editing)) {
            return new Saved(Optional.empty(), Map.of(SLUG, "The project has a goal `#" + slug + "` already; pick another name or edit that one."));
        }
        if (editing == null) {
            if (!goals.insert(teamId, projectId, goal, now)) {
                return new Saved(Optional.empty(), Map.of(SLUG, "The project has a goal `#" + slug + "` already; pick another name or edit that one."));
            }
        } else {
            goals.update(teamId, editing, goal, now);
        }
        return new Saved(goals.bySlug(teamId, projectId, slug), Map.of());
    }

    /** Every goal's progress as of {@code asOf}, with the change since a week before. */
    public List<GoalProgress> progress(String teamId, long projectId, Instant asOf) {
        return goals.all(teamId, projectId).stream().map(goal -> progressOf(goal, asOf)).toList();
    }

    public GoalProgress progressOf(GoalView goal, Instant asOf) {
        if (goal.target() == null) {
            return new GoalProgress(goal, null, null, null, false);
        }
        Double now = runs.bestVerifiedValue(goal.teamId(), goal.projectId(), goal.target().metric(), asOf,
                goal.referenceDataset(), goal.referenceSplit()).orElse(null);
        Double before = runs.bestVerifiedValue(goal.teamId(), goal.projectId(), goal.target().metric(),
                asOf.minus(WEEK), goal.referenceDataset(), goal.referenceSplit()).orElse(null);
        Double change = now == null || before == null ? null : now - before;
        return new GoalProgress(goal, now, before, change, now != null && goal.target().metBy(now));
    }

    /** The best verified value at the end of each week from {@code from} to {@code to} (weeks counted back from {@code to}). */
    public List<GoalPoint> history(String teamId, long projectId, String slug, Instant from, Instant to) {
        Optional<GoalView> goal = goal(teamId, projectId, slug);
        if (goal.isEmpty() || goal.get().target() == null || from.isAfter(to)) {
            return List.of();
        }
        List<GoalPoint> points = new ArrayList<>();
        for (Instant at = to; !at.isBefore(from) && points.size() < MAX_WEEKS; at = at.minus(WEEK)) {
            points.add(0, new GoalPoint(at, runs.bestVerifiedValue(teamId, projectId, goal.get().target().metric(), at,
                    goal.get().referenceDataset(), goal.get().referenceSplit()).orElse(null)));
        }
        return points;
    }

    /**
     * The project's goals with a metric target that the run does not count for yet: measured on another
     * dataset or split than the goal's reference (or not saying), and not confirmed comparable.
     */
    public List<GoalView> awaitingComparability(String teamId, long projectId, dev.daybook.runs.RunView run) {
        if (run.comparableConfirmedBy() != null) {
            return List.of();
        }
        return goals.all(teamId, projectId).stream()
                .filter(g -> g.target() != null && g.hasReference() && run.metrics().containsKey(g.target().metric()))
                .filter(g -> ComparisonRule.fit(g.referenceDataset(), g.referenceSplit(), run.measured())
                        != ComparisonRule.Fit.FITS)
                .toList();
    }

    /** Today's date for the deployment clock; used by callers that show "overdue". */
    public LocalDate today() {
        return LocalDate.now(clock);
    }

    private static String trim(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
