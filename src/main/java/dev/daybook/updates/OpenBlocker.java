package dev.daybook.updates;

import java.time.LocalDate;

/**
 * A blocker that was still open on the day asked about.
 *
 * @param userId          its author (a Slack user id: show their name, never a mention that would ping)
 * @param firstReported   the first work day an update listed it
 * @param ageDays         calendar days from its first report to the day asked about
 * @param clientSince     the day it was marked waiting on the client (its author's day); null when it does not
 * @param clientAgeDays   working days of its author it has waited on the client ({@link dev.daybook.people.WorkingCalendar#workingDaysSince}); 0 when not
 */
public record OpenBlocker(long id, String teamId, long projectId, String userId, String text,
                          LocalDate firstReported, long ageDays, LocalDate clientSince, int clientAgeDays) {

    public OpenBlocker(long id, String teamId, long projectId, String userId, String text, LocalDate firstReported,
                       long ageDays) {
        this(id, teamId, projectId, userId, text, firstReported, ageDays, null, 0);
    }

    /** Whether it waits on the client: a client ask. */
    public boolean waitsOnClient() {
        return clientSince != null;
    }
}
