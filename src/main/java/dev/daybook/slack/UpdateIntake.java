package dev.daybook.slack;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.daybook.updates.ParseProblem;
import dev.daybook.updates.RecordUpdate;
import dev.daybook.updates.Recording;
import dev.daybook.updates.UpdateService;
import dev.daybook.updates.UpdateSource;

/**
 * Where every update from Slack enters: the author's time zone is refreshed first (outside the
 * transaction), then the Slack event is claimed and the update recorded in one transaction, so that
 * a retried event is recorded once and a failure leaves nothing behind.
 */
@Component
class UpdateIntake {

    private final UpdateService updates;
    private final SlackPeople people;
    private final EventReceipts receipts;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;

    UpdateIntake(UpdateService updates, SlackPeople people, EventReceipts receipts, ApplicationEventPublisher events,
                 PlatformTransactionManager transactions) {
        this.updates = updates;
        this.people = people;
        this.receipts = receipts;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Records a post; empty when the event was already handled. */
    Optional<Recording> record(String teamId, String channelId, String channelName, String userId, String text,
                               UpdateSource source, Instant postedAt, String messageTs, String eventId) {
        people.refreshIfStale(teamId, userId);
        return Optional.ofNullable(transaction.execute(status -> {
            if (eventId != null && !receipts.claim(teamId, eventId)) {
                return null;
            }
            Recording recording = updates.record(
                    new RecordUpdate(teamId, channelId, channelName, userId, text, source, postedAt, messageTs));
            if (source == UpdateSource.MESSAGE && messageTs != null && !recording.recorded()) {
                // Headed like an update but unusable, or an edit that took the headings out of one.
                boolean recordedEarlier = updates.isRecordedMessage(teamId, channelId, messageTs);
                if (recording.outcome() == Recording.Outcome.REJECTED || recordedEarlier) {
                    List<ParseProblem> problems = recording.outcome() == Recording.Outcome.REJECTED
                            ? recording.problems() : List.of(ParseProblem.of(ParseProblem.Kind.NO_UPDATE));
                    events.publishEvent(new MessageNeedsReply(teamId, channelId, messageTs, userId, problems,
                            recordedEarlier));
                }
            }
            return recording;
        }));
    }

    /** Runs other work for an event once, in one transaction with its claim. */
    void once(String teamId, String eventId, Runnable work) {
        transaction.executeWithoutResult(status -> {
            if (receipts.claim(teamId, eventId)) {
                work.run();
            }
        });
    }
}
