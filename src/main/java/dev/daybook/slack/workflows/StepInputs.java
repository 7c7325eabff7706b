package dev.daybook.slack.workflows;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a workflow step was given, checked before anything is looked up: Slack sends user and channel
 * inputs as ids, and a workflow's owner can leave an input empty or feed it another step's output, so
 * every value is read as untrusted text. Problems are sentences for the workflow's owner, who sees them
 * in Workflow Builder's activity log.
 */
final class StepInputs {

    /**
     * The longest update text a step takes. An end-of-day update is a few lines; a longer text is a
     * variable pointing at the wrong thing (a whole thread, a file), and shared in the channel it
     * would break Slack's block limits.
     */
    static final int MAX_UPDATE_TEXT = 12_000;

    private static final Pattern USER_ID = Pattern.compile("[UW][A-Z0-9]{2,30}");
    private static final Pattern CHANNEL_ID = Pattern.compile("[CGD][A-Z0-9]{2,30}");
    private static final Pattern EXECUTION_ID = Pattern.compile("[A-Za-z0-9]{1,50}");

    private final Map<String, String> values;

    StepInputs(Map<String, String> values) {
        this.values = values == null ? Map.of() : values;
    }

    /** A value or why it cannot be used. */
    record Read(String value, String problem) {
        static Read ok(String value) {
            return new Read(value, null);
        }

        static Read bad(String problem) {
            return new Read(null, problem);
        }

        boolean ok() {
            return problem == null;
        }
    }

    static boolean isExecutionId(String id) {
        return id != null && EXECUTION_ID.matcher(id).matches();
    }

    Read channel(String name, String title) {
        String value = trimmed(name);
        if (value == null) {
            return Read.bad("The step's \"" + title + "\" input is empty: choose the project's channel.");
        }
        if (!CHANNEL_ID.matcher(value).matches()) {
            return Read.bad("The step's \"" + title + "\" input is not a channel: choose a channel, not text.");
        }
        if (value.startsWith("D")) {
            return Read.bad("The step's \"" + title + "\" input is a direct message: choose the project's channel.");
        }
        return Read.ok(value);
    }

    Read user(String name, String title) {
        String value = trimmed(name);
        if (value == null) {
            return Read.bad("The step's \"" + title + "\" input is empty: choose a person.");
        }
        return USER_ID.matcher(value).matches() ? Read.ok(value)
                : Read.bad("The step's \"" + title + "\" input is not a person: choose a person, not text.");
    }

    /** An optional person: empty when not given; a problem only when given but not a person. */
    Optional<Read> optionalUser(String name, String title) {
        return trimmed(name) == null ? Optional.empty() : Optional.of(user(name, title));
    }

    Read updateText(String name, String title) {
        String value = trimmed(name);
        if (value == null) {
            return Read.bad("The step's \"" + title + "\" input is empty, so there is nothing to record. Use the "
                    + "form's answer, written with Update: and Next: headings.");
        }
        if (value.length() > MAX_UPDATE_TEXT) {
            return Read.bad("The step's \"" + title + "\" input is " + value.length() + " characters long; an update "
                    + "takes at most " + MAX_UPDATE_TEXT + ". Check that it points at the update and not at a whole "
                    + "message history. Nothing was recorded.");
        }
        return Read.ok(value);
    }

    private String trimmed(String name) {
        String value = values.get(name);
        return value == null || value.isBlank() ? null : value.strip();
    }
}
