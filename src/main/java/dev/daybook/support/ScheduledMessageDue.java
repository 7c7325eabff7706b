package dev.daybook.support;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.IsoFields;

/**
 * A message the scheduler decided to send is due: a reminder, a planning note or nudge, a weekly
 * summary. One shape for all of them: it is published in the transaction that records the decision
 * ({@link Dispatches#record}), and the Slack edge sends it once after the commit, retried until it is.
 *
 * @param kind        what it is, as recorded in {@code scheduled_dispatch}: {@code reminder:follow_up},
 *                    {@code budget:planning}, {@code digest:weekly}; the part before the colon names
 *                    the feature that composes it
 * @param subject     whom it is for: a person's user ID, or {@code project:<id>}
 * @param day         the day (or the Monday of the week) it belongs to
 * @param dispatchId  the recorded decision, finished with its outcome once sent
 * @param dueAt       when it was due (a stale reminder is skipped; a late summary says so)
 * @param late        the service was down at the scheduled time: the message says it comes late
 * @param requestedBy who asked for it now ({@code /daybook digest post}); null when the schedule sent it
 */
public record ScheduledMessageDue(String kind, String teamId, String subject, LocalDate day, long dispatchId,
                                  Instant dueAt, boolean late, String requestedBy) {

    public static final String REMINDER = "reminder";
    public static final String BUDGET = "budget";
    public static final String DIGEST = "digest";
    /** What {@link #subject} of a project's message starts with. */
    public static final String PROJECT = "project:";

    /** A message the schedule sends on time to a person or project. */
    public static ScheduledMessageDue of(String kind, String teamId, String subject, LocalDate day, long dispatchId,
                                         Instant dueAt) {
        return new ScheduledMessageDue(kind, teamId, subject, day, dispatchId, dueAt, false, null);
    }

    /** The feature that composes it: {@link #REMINDER}, {@link #BUDGET} or {@link #DIGEST}. */
    public String feature() {
        int colon = kind.indexOf(':');
        return colon < 0 ? kind : kind.substring(0, colon);
    }

    /** The kind without the feature: {@code follow_up}, {@code planning}, {@code weekly}. */
    public String variant() {
        int colon = kind.indexOf(':');
        return colon < 0 ? "" : kind.substring(colon + 1);
    }

    /** The project a project's message is for; fails for a person's. */
    public long projectId() {
        if (!subject.startsWith(PROJECT)) {
            throw new IllegalStateException(kind + " is for a person, not a project");
        }
        return Long.parseLong(subject.substring(PROJECT.length()));
    }

    /**
     * The key its Slack message is posted once under; the one place these keys are made. Each feature's
     * keys are as earlier versions stored them, so that a message posted before an upgrade is not posted
     * again after it.
     */
    public String deliveryKey() {
        return switch (feature()) {
            case REMINDER -> REMINDER + ":" + subject + ":" + day + ":" + kind;
            case DIGEST -> DIGEST + ":" + projectId() + ":" + isoWeek(day);
            default -> kind + ":" + subject + ":" + day;
        };
    }

    /** The ISO week its day falls in, {@code 2026-W48}: how a weekly summary names its week. */
    public String isoWeek() {
        return isoWeek(day);
    }

    private static String isoWeek(LocalDate day) {
        return String.format("%04d-W%02d", day.get(IsoFields.WEEK_BASED_YEAR), day.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
    }
}
