package dev.daybook.clientasks;

/**
 * When a client ask is worth a nudge: once it has waited more working days than the project's limit
 * (a limit of 5 nudges on the 6th working day). Plain Java; the age comes from
 * {@link dev.daybook.people.WorkingCalendar#workingDaysSince}.
 */
public final class ClientAskRule {

    private ClientAskRule() {
    }

    public static boolean overdue(int workingDaysWaiting, int limit) {
        return limit > 0 && workingDaysWaiting > limit;
    }

    /** The kind a nudge is recorded under, one per ask: {@code clientask:<blocker id>}. */
    public static String kind(long blockerId) {
        return ClientAskNudges.FEATURE + ":" + blockerId;
    }
}
