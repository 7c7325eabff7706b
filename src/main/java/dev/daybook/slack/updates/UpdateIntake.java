package dev.daybook.slack.updates;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.daybook.slack.AuthorAsked;
import dev.daybook.slack.MessageNeedsReply;
import dev.daybook.slack.PostWithdrawn;
import dev.daybook.slack.client.SlackPeople;
import dev.daybook.slack.delivery.EventClaims;
import dev.daybook.updates.parsing.ParseProblem;
import dev.daybook.updates.RecordUpdate;
import dev.daybook.updates.Recording;
import dev.daybook.updates.UpdateService;
import dev.daybook.updates.UpdateSource;
import dev.daybook.updates.UpdateView;

/**
 * Where every update from Slack enters: the author's time zone is refreshed first (outside the
 * transaction), then the Slack event is claimed and the update recorded in one transaction, so that
 * a retried event is recorded once and a failure leaves nothing behind. What the author must hear
 * about a channel post (a question, a problem, a withdrawal) is published in that transaction too.
 */
@Component
public class UpdateIntake {

    /** A post as it reached Daybook. */
    record Post(String teamId, String channelId, String channelName, String userId, String text, UpdateSource source,
                Instant postedAt, String messageTs, String threadTs, String eventId) {

        RecordUpdate request(RecordUpdate.Intent intent) {
            return new RecordUpdate(teamId, channelId, channelName, userId, text, source, postedAt, messageTs, threadTs,
                    intent);
        }

        boolean isChannelPost() {
            return source == UpdateSource.MESSAGE && messageTs != null;
        }
    }

    private final UpdateService updates;
    private final SlackPeople people;
    private final EventClaims receipts;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;

    UpdateIntake(UpdateService updates, SlackPeople people, EventClaims receipts, ApplicationEventPublisher events,
                 PlatformTransactionManager transactions) {
        this.updates = updates;
        this.people = people;
        this.receipts = receipts;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** Records a post; empty when the event was already handled. */
    Optional<Recording> record(Post post) {
        people.refreshIfStale(post.teamId(), post.userId());
        return Optional.ofNullable(transaction.execute(status -> {
            if (post.eventId() != null && !receipts.claim(post.teamId(), post.eventId())) {
                return null;
            }
            return recordClaimed(post, RecordUpdate.Intent.AS_WRITTEN, false);
        }));
    }

    /**
     * An edited channel post: questions about the earlier text no longer apply; a recorded update is
     * revised (it needs no confirming again), and one edited into chat is taken out of the record.
     */
    Optional<Recording> edited(Post post) {
        people.refreshIfStale(post.teamId(), post.userId());
        return Optional.ofNullable(transaction.execute(status -> {
            if (post.eventId() != null && !receipts.claim(post.teamId(), post.eventId())) {
                return null;
            }
            updates.forgetQuestionsAbout(post.teamId(), post.channelId(), post.messageTs());
            boolean wasUpdate = updates.isRecordedMessage(post.teamId(), post.channelId(), post.messageTs());
            if (wasUpdate && !updates.read(post.teamId(), post.channelId(), post.text(), post.source()).recognised()) {
                Optional<UpdateView> left = updates.deleteMessage(post.teamId(), post.channelId(), post.messageTs());
                left.ifPresent(update -> events.publishEvent(new PostWithdrawn(post.teamId(), post.channelId(),
                        post.messageTs(), post.userId(), update.day())));
                return null;
            }
            return recordClaimed(post, wasUpdate ? RecordUpdate.Intent.CONFIRMED : RecordUpdate.Intent.AS_WRITTEN,
                    wasUpdate);
        }));
    }

    private Recording recordClaimed(Post post, RecordUpdate.Intent intent, boolean recordedEarlier) {
        // A new post is acknowledged with one insert and derived right after; anything else in full.
        Recording recording = intent == RecordUpdate.Intent.AS_WRITTEN && !recordedEarlier
                ? updates.submit(post.request(intent), post.eventId())
                : updates.record(post.request(intent));
        if (!post.isChannelPost()) {
            return recording;
        }
        if (recording.asked()) {
            events.publishEvent(new AuthorAsked(post.teamId(), post.channelId(), post.messageTs(), post.userId(),
                    recording.prompt().id(), recording.prompt().kind(), recording.prompt().day(),
                    Replies.counts(recording.prompt().existing())));
        } else if (recording.outcome() == Recording.Outcome.REJECTED) {
            // Headed like an update but with nothing done in it: say so in the thread.
            List<ParseProblem> problems = recording.problems();
            events.publishEvent(new MessageNeedsReply(post.teamId(), post.channelId(), post.messageTs(),
                    post.threadTs(), post.userId(), problems, recordedEarlier));
        }
        return recording;
    }

    /** Runs other work for an event once, in one transaction with its claim. */
    public void once(String teamId, String eventId, Runnable work) {
        transaction.executeWithoutResult(status -> {
            if (receipts.claim(teamId, eventId)) {
                work.run();
            }
        });
    }
}
