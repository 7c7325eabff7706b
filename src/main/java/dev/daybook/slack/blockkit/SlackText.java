package dev.daybook.slack.blockkit;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one place where text from outside becomes Slack markup. Everything Daybook shows in a message
 * that it did not write itself goes through here:
 * <ul>
 *   <li>{@link #escape} for text that did not come from Slack in Slack's own encoding: names, run ids
 *       and names from scripts, metric names, goal statements, dispute reasons, form inputs;</li>
 *   <li>{@link #quiet} for text people wrote in Slack messages (already in Slack's encoding), which is
 *       kept as written but can no longer ping, mention or disguise a link;</li>
 *   <li>{@link #link} and {@link #code} for a run's link or id.</li>
 * </ul>
 * So {@code <!channel>}, {@code <!here>}, {@code <@U…>}, {@code <!subteam^…>} and {@code <url|label>}
 * from a user, a script or Slack are shown, never obeyed.
 */
public final class SlackText {

    /** Slack's limit for the text of a section block. */
    public static final int SECTION_LIMIT = SlackLimits.SECTION_TEXT;
    /** Longer links are not built: nobody needs them, and they crowd out the rest of a block. */
    static final int LONGEST_LINK = 2000;

    private static final Pattern CONTROL = Pattern.compile("[\\p{Cntrl}&&[^\\n\\t]]");
    private static final Pattern SCHEME = Pattern.compile("[a-zA-Z][a-zA-Z0-9+.-]*:");
    private static final Pattern USER_ID = Pattern.compile("[UW][A-Z0-9]{2,31}");
    private static final Pattern NOT_IN_LINKS = Pattern.compile("[\\s<>|\\p{Cntrl}]");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("EEE d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter LONG_DAY = DateTimeFormatter.ofPattern("EEEE d MMMM", Locale.ENGLISH);

    private SlackText() {
    }

    /**
     * Keeps what the author wrote in Slack (bold, code, emoji, entities like {@code &amp;lt;}), but turns
     * every {@code <…>} control sequence into plain text: {@code @channel}, {@code @here} and
     * {@code @everyone} for broadcasts, the group's name for user groups, {@code @name} (or the user id)
     * for a person, {@code label (url)} for a link. Channel references stay, since they ping nobody. A
     * stray {@code <} or {@code >} is escaped, so nothing left can start a control sequence.
     */
    public static String quiet(String text) {
        if (text == null) {
            return "";
        }
        String written = CONTROL.matcher(text).replaceAll("");
        StringBuilder out = new StringBuilder(written.length() + 16);
        int i = 0;
        while (i < written.length()) {
            char c = written.charAt(i);
            if (c == '>') {
                out.append("&gt;");
                i++;
                continue;
            }
            if (c != '<') {
                out.append(c);
                i++;
                continue;
            }
            int close = written.indexOf('>', i + 1);
            int nextOpen = written.indexOf('<', i + 1);
            if (close < 0 || (nextOpen >= 0 && nextOpen < close)) {
                out.append("&lt;");
                i++;
                continue;
            }
            out.append(plain(written.substring(i + 1, close)));
            i = close + 1;
        }
        return out.toString();
    }

    /** What a control sequence's content ({@code @U123|ada}, {@code !here}, {@code https://…|label}) reads as. */
    private static String plain(String content) {
        int bar = content.indexOf('|');
        String target = bar < 0 ? content : content.substring(0, bar);
        String label = bar < 0 ? null : content.substring(bar + 1).strip();
        boolean labelled = label != null && !label.isEmpty();
        if (target.startsWith("#C") || target.startsWith("#G")) {
            return target.matches("#[CG][A-Z0-9]{1,30}") && (!labelled || label.matches("[\\w.-]{1,80}"))
                    ? "<" + content + ">" : "#" + (labelled ? label : target.substring(1));
        }
        if (target.startsWith("@")) {
            return "@" + (labelled ? label.replaceFirst("^@", "") : target.substring(1));
        }
        if (target.startsWith("!subteam^")) {
            return labelled ? (label.startsWith("@") ? label : "@" + label) : "@group";
        }
        if (target.startsWith("!")) {
            String word = target.substring(1).split("\\^", 2)[0];
            return labelled && !word.equals("channel") && !word.equals("here") && !word.equals("everyone")
                    ? label : "@" + word;
        }
        if (!SCHEME.matcher(target).lookingAt()) {
            return "&lt;" + content + "&gt;"; // not a control sequence: the author wrote angle brackets
        }
        if (labelled && !label.equals(target)) {
            return label + " (" + target + ")";
        }
        return target;
    }

    /**
     * Escapes the three characters Slack's mrkdwn treats as control characters, for text that did not
     * come from Slack in its own encoding; control characters other than line breaks and tabs are
     * dropped. {@code &lt;} written by a script is shown as {@code &lt;}, not as {@code <}.
     */
    public static String escape(String text) {
        if (text == null) {
            return "";
        }
        return CONTROL.matcher(text).replaceAll("").replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    /** Text in {@code code} style: escaped, with backticks (which would end the code span) replaced. */
    public static String code(String text) {
        return "`" + escape(text).replace('`', '\'').replace("\n", " ") + "`";
    }

    /**
     * A link {@code <url|label>}, built only from an http(s) URL with nothing in it that could end the
     * link or start another control sequence; otherwise just the label, as code.
     */
    public static String link(String url, String label) {
        if (!isLinkable(url)) {
            return code(label);
        }
        String shown = escape(label).replace("\n", " ");
        return "<" + url.replace("&", "&amp;") + "|" + (shown.isBlank() ? escape(url) : shown) + ">";
    }

    /** Whether Daybook builds a link to this address: http(s), an absolute URL, no spaces, no {@code <>|}. */
    public static boolean isLinkable(String url) {
        if (url == null || url.length() > LONGEST_LINK || NOT_IN_LINKS.matcher(url).find()) {
            return false;
        }
        try {
            URI uri = new URI(url);
            String scheme = uri.getScheme();
            return scheme != null && (scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                    && uri.getRawAuthority() != null && !uri.getRawAuthority().isEmpty();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /**
     * A mention of a person Daybook itself names (a run's reporter, its verifier): only a Slack user id
     * becomes a mention; anything else is shown as text.
     */
    public static String mention(String userId) {
        if (userId == null) {
            return "someone";
        }
        return USER_ID.matcher(userId).matches() ? "<@" + userId + ">" : escape(userId);
    }

    public static String day(LocalDate day) {
        return DAY.format(day);
    }

    public static String longDay(LocalDate day) {
        return LONG_DAY.format(day);
    }

    /**
     * Splits lines into chunks that each fit a section block; a single line longer than the limit is
     * cut, and the cut is marked.
     */
    public static List<String> chunks(List<String> lines, int limit) {
        List<String> chunks = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : lines) {
            String fitted = SlackLimits.cut(line, limit);
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
