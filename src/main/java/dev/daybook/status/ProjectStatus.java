package dev.daybook.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import dev.daybook.goals.GoalProgress;
import dev.daybook.projects.Project;
import dev.daybook.runs.RunView;

/**
 * A project's status at one moment, built only from what the team wrote.
 *
 * @param asOf    the project's day the status was computed for
 * @param members each active member's latest update, most recent first
 * @param quiet   members who have not posted for more than two of their working days (named, never pinged)
 * @param goals   the project's client goals with their progress from verified runs
 * @param runs    the latest runs, newest first, with their verification state
 */
public record ProjectStatus(Project project, Instant computedAt, LocalDate asOf, List<MemberUpdate> members,
                            List<Blocker> blockers, List<Quiet> quiet, List<GoalProgress> goals,
                            List<RunView> runs) {

    public ProjectStatus {
        members = List.copyOf(members);
        blockers = List.copyOf(blockers);
        quiet = List.copyOf(quiet);
        goals = List.copyOf(goals);
        runs = List.copyOf(runs);
    }

    /** Every member's open Next items: those of their latest update. */
    public List<MemberUpdate> withNext() {
        return members.stream().filter(m -> !m.next().isEmpty()).toList();
    }

    public boolean isEmpty() {
        return members.isEmpty() && blockers.isEmpty() && goals.isEmpty() && runs.isEmpty();
    }

    /** A member's latest update: the day it was filed for, what they did, what they do next, and which update it is. */
    public record MemberUpdate(String userId, String name, LocalDate day, List<String> done, List<String> next,
                               long updateId) {
        public MemberUpdate {
            done = List.copyOf(done);
            next = List.copyOf(next);
        }
    }

    /** An open blocker and how long it has been open; {@code updateId} the latest update that listed it, if any. */
    /**
     * An open blocker; {@code clientSince} is the day it was marked waiting on the client (null when it
     * does not), {@code clientWorkingDays} how many of its author's working days it has waited since.
     */
    public record Blocker(long id, String userId, String author, String text, LocalDate since, long ageDays,
                          Long updateId, LocalDate clientSince, int clientWorkingDays) {

        public Blocker(long id, String userId, String author, String text, LocalDate since, long ageDays,
                       Long updateId) {
            this(id, userId, author, text, since, ageDays, updateId, null, 0);
        }

        public boolean waitsOnClient() {
            return clientSince != null;
        }
    }

    /** A member who has gone quiet: their last update and how many of their working days have passed since. */
    public record Quiet(String userId, String name, LocalDate lastDay, int workingDaysSince) {
    }
}
