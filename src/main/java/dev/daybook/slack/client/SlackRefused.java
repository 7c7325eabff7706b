package dev.daybook.slack.client;

import java.util.Set;

/** Slack answered and said no (for example {@code not_in_channel}); retrying would not help. */
public class SlackRefused extends RuntimeException {

    /** Refusals of what was sent rather than where: the same message would never be accepted. */
    private static final Set<String> ABOUT_CONTENT = Set.of("invalid_blocks", "invalid_blocks_format", "msg_too_long",
            "too_many_attachments", "invalid_attachments", "no_text", "invalid_arguments", "invalid_metadata_format",
            "invalid_metadata_schema", "metadata_too_large", "view_too_large", "invalid_form_data",
            "markdown_text_conflict");

    private final String error;

    SlackRefused(String method, String error) {
        super(method + " refused: " + error);
        this.error = error;
    }

    public String error() {
        return error;
    }

    /** Whether Slack refused the message for what it contains (its blocks, its length), not for where it went. */
    public boolean aboutContent() {
        return ABOUT_CONTENT.contains(error);
    }
}
