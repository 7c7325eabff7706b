package dev.daybook;

import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.FailedEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Resubmits event publications whose listener failed (Slack down, rate limited, a crash mid-way).
 * Safe on every instance at once: the registry lets only one instance claim each publication. Work
 * that failed with a time to come back ({@code Retry-After}) waits for that time ({@link OutboxBackoff}).
 */
@Component
class OutboxRetry {

    private final FailedEventPublications failed;
    private final Duration minAge;
    private final OutboxBackoff backoff;

    OutboxRetry(FailedEventPublications failed, @Value("${daybook.outbox.retry-min-age:20s}") Duration minAge,
                OutboxBackoff backoff) {
        this.failed = failed;
        this.minAge = minAge;
        this.backoff = backoff;
    }

    @Scheduled(fixedDelayString = "${daybook.outbox.retry-interval:30s}",
            initialDelayString = "${daybook.outbox.retry-interval:30s}")
    void resubmitFailed() {
        // Work Slack asked to come back to later (Retry-After) waits for its time (OutboxBackoff).
        failed.resubmit(ResubmissionOptions.defaults().withMinAge(minAge).withBatchSize(100).withFilter(backoff::due));
    }
}
