package dev.daybook.webhooks;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** What a webhook can be told. */
public enum WebhookEvent {
    UPDATE_RECORDED("update.recorded"),
    BLOCKER_OPENED("blocker.opened"),
    BLOCKER_RESOLVED("blocker.resolved"),
    RUN_NEW_BEST("run.new_best"),
    RUN_VERIFIED("run.verified"),
    SUMMARY_POSTED("summary.posted");

    private final String label;

    WebhookEvent(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public static Optional<WebhookEvent> of(String written) {
        String wanted = written == null ? "" : written.strip().toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(e -> e.label.equals(wanted)).findFirst();
    }
}
