package dev.daybook.slack.delivery;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

import dev.daybook.slack.client.SlackRefused;
import dev.daybook.support.Dispatches;
import dev.daybook.support.ScheduledMessageDue;

/**
 * Sends what the scheduler decided (a reminder, a planning note, a weekly summary): the one listener
 * for {@link ScheduledMessageDue}, which hands each message to its feature's {@link ScheduledSender}.
 *
 * <p>Sent once rests on two things, each needed (see {@code reminders.ScheduledSendsClusterTests}):
 * the decision is a unique {@code scheduled_dispatch} row, so of several instances deciding at once
 * only one publishes the work; and the sender posts through {@link OncePoster}, whose claim on the
 * delivery key stops a second attempt of the same work running at the same moment (the outbox
 * resubmitting work that only looked stuck), and whose key in the message's metadata lets a retry
 * after a crash find the post instead of posting again. The outcome is recorded on the decision.
 */
@Component
class ScheduledSends {

    private static final Logger log = LoggerFactory.getLogger(ScheduledSends.class);

    /** Slack's answers that mean this person cannot get a DM; retrying would not help. */
    private static final Set<String> CANNOT_DM = Set.of("user_not_found", "user_disabled", "cannot_dm_bot",
            "channel_not_found", "not_allowed_token_type", "account_inactive", "is_archived", "restricted_action");

    private final Dispatches dispatches;
    private final Map<String, ScheduledSender> senders;
    private final MeterRegistry meters;

    ScheduledSends(Dispatches dispatches, List<ScheduledSender> senders, MeterRegistry meters) {
        this.dispatches = dispatches;
        this.senders = senders.stream().collect(Collectors.toMap(ScheduledSender::feature, Function.identity()));
        this.meters = meters;
    }

    /**
     * Sends the message once; a failure that may pass leaves the work in the outbox to retry. Each
     * outcome ({@code sent}, {@code skipped}, {@code refused}) is counted in
     * {@code daybook_scheduled_messages_total}, tagged with {@code kind}.
     */
    @ApplicationModuleListener(id = "slack.scheduled-message-due", propagation = Propagation.NOT_SUPPORTED)
    void on(ScheduledMessageDue due) {
        ScheduledSender sender = senders.get(due.feature());
        if (sender == null) {
            log.warn("Slack: no sender for scheduled {}; dropped.", due.kind());
            dispatches.finish(due.dispatchId(), "unknown");
            return;
        }
        String outcome;
        try {
            outcome = sender.send(due);
        } catch (SlackRefused refused) {
            // A definite no: retrying would get the same answer.
            if (CANNOT_DM.contains(refused.error())) {
                log.info("Slack: could not send {} ({}); giving up on it.", sender.what(), refused.error());
            } else {
                log.warn("Slack refused {} ({}); giving up on it.", sender.what(), refused.error());
            }
            outcome = "refused";
        }
        dispatches.finish(due.dispatchId(), outcome);
        meters.counter("daybook.scheduled.messages", "kind", sender.meterKind(), "outcome", outcome).increment();
    }
}
