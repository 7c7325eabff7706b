package dev.daybook.digest.summary;

import java.time.LocalDate;

/**
 * A blocker or ask that is still open at the end of the week, and since when.
 *
 * @param clientSince       the day it was marked waiting on the client; null when it does not
 * @param clientWorkingDays working days of its author it has waited on the client
 */
public record OpenBlocker(String person, String text, LocalDate since, int ageDays, LocalDate clientSince,
                          int clientWorkingDays) {

    public OpenBlocker(String person, String text, LocalDate since, int ageDays) {
        this(person, text, since, ageDays, null, 0);
    }

    /** It waits on the client: one of "What we need from you". */
    public boolean waitsOnClient() {
        return clientSince != null;
    }
}
