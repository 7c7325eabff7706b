package dev.daybook.slack;

/** Slack could not be reached or asked us to come back later; the work is retried, not dropped. */
class SlackUnavailable extends RuntimeException {

    SlackUnavailable(String message, Throwable cause) {
        super(message, cause);
    }
}
