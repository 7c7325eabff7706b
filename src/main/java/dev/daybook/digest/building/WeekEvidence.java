package dev.daybook.digest.building;

import dev.daybook.digest.summary.GoalLine;
import dev.daybook.digest.summary.OpenBlocker;
import dev.daybook.digest.summary.RunLine;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

/**
 * What the summary takes from features beyond updates: client goals, experiment runs, blockers still
 * open. Each answers empty until the feature that keeps that data is part of the application, and the
 * summary leaves the section out.
 */
interface WeekEvidence {

    /** Goals as of {@code asOf}; their chart points dated in {@code zone} (the project's). */
    List<GoalLine> goals(String teamId, long projectId, Instant asOf, ZoneId zone);

    /** Runs reported between two instants, dated in {@code zone} (the project's). */
    List<RunLine> runs(String teamId, long projectId, Instant from, Instant to, ZoneId zone);

    /**
     * Blockers open at the end of the week whose last day is {@code lastDay}, compared in their authors'
     * own dates (see {@code Blockers.openAtEndOf}).
     */
    List<OpenBlocker> openBlockers(String teamId, long projectId, LocalDate lastDay);
}
