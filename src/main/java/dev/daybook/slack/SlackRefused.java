package dev.daybook.slack;

/** Slack answered and said no (for example {@code not_in_channel}); retrying would not help. */
class SlackRefused extends RuntimeException {

    private final String error;

    SlackRefused(String method, String error) {
        super(method + " refused: " + error);
        this.error = error;
    }

    String error() {
        return error;
    }
}
