package dev.daybook.slack.runs;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.daybook.runs.MlflowPolling;

/**
 * The owner mapping as typed in the settings form: one {@code mlflow-user = slack-user} a line, the
 * Slack side a member ID ({@code U0123ABC}, or {@code <@U0123ABC>} as a mention's raw text) or the
 * e-mail the person has in Slack. A plain text input sends what was typed and never turns
 * {@code @ada} into a mention, so a display name is refused with a word on what to write instead.
 */
final class OwnerMappingText {

    /** Lines in one project's mapping: enough for a team, few enough to check in a form's 3 seconds. */
    static final int MOST_LINES = 30;
    /** Slack's own limit for a plain text input. */
    static final int MOST_CHARS = 3000;
    /** As an MLflow owner may be at most (an e-mail's longest). */
    static final int MOST_USER_CHARS = 320;
    private static final Pattern USER_ID = Pattern.compile("[UW][A-Z0-9]{2,20}");
    private static final Pattern MENTION = Pattern.compile("<@([UW][A-Z0-9]{2,20})(?:\\|[^>]*)?>");
    private static final Pattern EMAIL = Pattern.compile("[^\\s@<>=]+@[^\\s@<>=]+\\.[^\\s@<>=]+");

    /** A line that was read, with its number for errors. */
    record Line(int number, String mlflowUser, String slackUser) {
        boolean isEmail() {
            return slackUser.contains("@");
        }
    }

    /** What the text says: its lines, or why it cannot be saved (then {@code lines} is empty). */
    record Read(List<Line> lines, String problem) {
        static Read problem(String problem) {
            return new Read(List.of(), problem);
        }
    }

    private OwnerMappingText() {
    }

    static Read read(String typed) {
        if (typed == null || typed.isBlank()) {
            return new Read(List.of(), null);
        }
        if (typed.length() > MOST_CHARS) {
            return Read.problem("The mapping is " + typed.length() + " characters long; at most " + MOST_CHARS + " fit.");
        }
        List<Line> lines = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        String[] raw = typed.split("\\R", -1);
        for (int i = 0; i < raw.length; i++) {
            int number = i + 1;
            String line = raw[i].strip();
            if (line.isEmpty()) {
                continue;
            }
            int equals = line.indexOf('=');
            if (equals < 0) {
                return Read.problem("Line " + number + " (“" + shown(line) + "”) has no “=”. Write one mapping a line, like "
                        + "ada = U0123ABC or ada = ada@acme.io.");
            }
            String mlflowUser = line.substring(0, equals).strip();
            String slackSide = line.substring(equals + 1).strip();
            if (mlflowUser.isEmpty()) {
                return Read.problem("Line " + number + " names no MLflow user before the “=”.");
            }
            if (mlflowUser.length() > MOST_USER_CHARS || mlflowUser.chars().anyMatch(Character::isWhitespace)) {
                return Read.problem("Line " + number + ": “" + shown(mlflowUser) + "” is not an MLflow user (one word of at most "
                        + MOST_USER_CHARS + " characters, as MLflow shows it under User).");
            }
            String slackUser = slackUser(slackSide);
            if (slackUser == null) {
                return Read.problem("Line " + number + ": “" + shown(slackSide) + "” is not a Slack user. "
                        + (slackSide.startsWith("@")
                                ? "This field does not turn @names into mentions: write the person's member ID (in their "
                                        + "Slack profile, ⋮ › Copy member ID, like U0123ABC) or their e-mail in Slack."
                                : "Write the person's member ID (like U0123ABC) or their e-mail in Slack."));
            }
            Integer before = seen.putIfAbsent(mlflowUser.toLowerCase(Locale.ROOT), number);
            if (before != null) {
                return Read.problem("“" + shown(mlflowUser) + "” is mapped twice (lines " + before + " and " + number
                        + "); keep one.");
            }
            lines.add(new Line(number, mlflowUser, slackUser));
        }
        if (lines.size() > MOST_LINES) {
            return Read.problem("At most " + MOST_LINES + " people can be mapped; " + lines.size() + " are listed.");
        }
        return new Read(List.copyOf(lines), null);
    }

    /** The Slack side as stored: a member ID, or an e-mail in lower case; null when it is neither. */
    static String slackUser(String typed) {
        if (USER_ID.matcher(typed).matches()) {
            return typed;
        }
        Matcher mention = MENTION.matcher(typed);
        if (mention.matches()) {
            return mention.group(1);
        }
        if (typed.length() <= MOST_USER_CHARS && EMAIL.matcher(typed).matches()) {
            return typed.toLowerCase(Locale.ROOT);
        }
        return null;
    }

    static List<MlflowPolling.OwnerMapping> mapping(Read read) {
        return read.lines().stream().map(l -> new MlflowPolling.OwnerMapping(l.mlflowUser(), l.slackUser())).toList();
    }

    /** The stored mapping as the form shows it, one line each. */
    static String text(List<MlflowPolling.OwnerMapping> mapping) {
        return String.join("\n", mapping.stream().map(m -> m.mlflowUser() + " = " + m.slackUser()).toList());
    }

    private static String shown(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
