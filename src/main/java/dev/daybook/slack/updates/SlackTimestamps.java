package dev.daybook.slack.updates;

import java.math.BigDecimal;
import java.time.Instant;

/** Slack message timestamps ("1700000000.000100") are also their ids. */
final class SlackTimestamps {

    private SlackTimestamps() {
    }

    static Instant toInstant(String ts) {
        BigDecimal seconds = new BigDecimal(ts);
        long whole = seconds.longValue();
        long nanos = seconds.subtract(BigDecimal.valueOf(whole)).movePointRight(9).longValue();
        return Instant.ofEpochSecond(whole, nanos);
    }

    static boolean isValid(String ts) {
        return ts != null && ts.matches("\\d{1,12}(\\.\\d{1,9})?");
    }
}
