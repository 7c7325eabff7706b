package dev.daybook.slack.delivery;

import java.time.Duration;
import java.util.Set;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import dev.daybook.slack.client.SlackRefused;
import dev.daybook.slack.client.SlackUnavailable;
import dev.daybook.support.Dispatches;

/**
 * Sends what the scheduler decided (a reminder, a planning note) at most once, even when the outbox
 * runs the same work twice at the same time (a resubmission of work that only looked stuck): the
 * attempt first claims the recorded decision. A claim left behind by a crash lapses after the lease.
 */
@Component
public class ScheduledSends {

    private static final Logger log = LoggerFactory.getLogger(ScheduledSends.class);

    /** Slack's answers that mean this person cannot get a DM; retrying would not help. */
    private static final Set<String> CANNOT_DM = Set.of("user_not_found", "user_disabled", "cannot_dm_bot",
            "channel_not_found", "not_allowed_token_type", "account_inactive", "is_archived", "restricted_action");

    private final Dispatches dispatches;
    private final Duration lease;
    private final MeterRegistry meters;

    ScheduledSends(Dispatches dispatches, @Value("${daybook.reminders.sending-lease:10m}") Duration lease,
            MeterRegistry meters) {
        this.dispatches = dispatches;
        this.lease = lease;
        this.meters = meters;
    }

    /**
     * Runs {@code send} once for the dispatch; it answers its outcome ({@code sent}, {@code skipped}).
     * A failure that may pass leaves the dispatch open for the outbox to retry. Each outcome is counted
     * in {@code daybook_scheduled_messages_total}, tagged with {@code kind}.
     */
    public void once(long dispatchId, String what, String kind, Supplier<String> send) {
        switch (dispatches.claim(dispatchId, lease)) {
            case FINISHED -> {
                return;
            }
            case BUSY -> throw new SlackUnavailable(what + " is being sent by another attempt", null);
            case CLAIMED -> {
                // ours to send
            }
        }
        String outcome;
        try {
            outcome = send.get();
        } catch (SlackRefused refused) {
            // A definite no: retrying would get the same answer.
            if (CANNOT_DM.contains(refused.error())) {
                log.info("Slack: could not send {} ({}); giving up on it.", what, refused.error());
            } else {
                log.warn("Slack refused {} ({}); giving up on it.", what, refused.error());
            }
            outcome = "refused";
        } catch (RuntimeException e) {
            dispatches.release(dispatchId);
            throw e;
        }
        dispatches.finish(dispatchId, outcome);
        meters.counter("daybook.scheduled.messages", "kind", kind, "outcome", outcome).increment();
    }
}
