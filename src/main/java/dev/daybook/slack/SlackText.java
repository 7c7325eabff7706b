package dev.daybook.slack;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turning stored text into Slack text that is safe to post. */
final class SlackText {

    /** Slack's limit for the text of a section block. */
    static final int SECTION_LIMIT = 3000;

    private static final Pattern BROADCAST = Pattern.compile("<!(channel|here|everyone)(?:\\|[^>]*)?>");
    private static final Pattern GROUP = Pattern.compile("<!subteam\\^[A-Z0-9]+(?:\\|([^>]*))?>");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter LONG_DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.ENGLISH);

    private SlackText() {
    }

    /**
     * Keeps what the author wrote, but turns {@code @channel}, {@code @here}, {@code @everyone} and user
     * group mentions into plain text, so that an update shared by the bot never pings anyone.
     */
    static String quiet(String text) {
        Matcher broadcast = BROADCAST.matcher(text);
        String result = broadcast.replaceAll(m -> "@" + m.group(1));
        Matcher group = GROUP.matcher(result);
        return group.replaceAll(m -> Matcher.quoteReplacement(
                m.group(1) == null ? "@group" : m.group(1).startsWith("@") ? m.group(1) : "@" + m.group(1)));
    }

    static String day(LocalDate day) {
        return DAY.format(day);
    }

    static String longDay(LocalDate day) {
        return LONG_DAY.format(day);
    }

    /** Escapes the three characters Slack's mrkdwn treats as control characters, for text we did not get from Slack. */
    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /**
     * Splits lines into chunks that each fit a section block; a single line longer than the limit is
     * cut, and the cut is marked.
     */
    static List<String> chunks(List<String> lines, int limit) {
        List<String> chunks = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : lines) {
            String fitted = line.length() > limit ? line.substring(0, limit - 1) + "…" : line;
            if (current.length() > 0 && current.length() + 1 + fitted.length() > limit) {
                chunks.add(current.toString());
                current.setLength(0);
            }
            if (current.length() > 0) {
                current.append('\n');
            }
            current.append(fitted);
        }
        if (current.length() > 0) {
            chunks.add(current.toString());
        }
        return chunks;
    }
}
