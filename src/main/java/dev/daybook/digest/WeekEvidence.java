package dev.daybook.digest;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * What the summary takes from features beyond updates: client goals, experiment runs, blockers still
 * open. Each answers empty until the feature that keeps that data is part of the application, and the
 * summary leaves the section out.
 */
interface WeekEvidence {

    List<GoalLine> goals(String teamId, long projectId, Instant asOf);

    List<RunLine> runs(String teamId, long projectId, Instant from, Instant to);

    /** Blockers open on {@code asOf}, a day in the project's zone. */
    List<OpenBlocker> openBlockers(String teamId, long projectId, LocalDate asOf);
}
