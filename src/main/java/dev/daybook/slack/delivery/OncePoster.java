package dev.daybook.slack.delivery;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;

import com.slack.api.methods.request.chat.ChatPostMessageRequest;
import com.slack.api.methods.request.chat.ChatUpdateRequest;
import com.slack.api.methods.response.chat.ChatPostEphemeralResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.model.Message;
import com.slack.api.model.block.LayoutBlock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import dev.daybook.slack.client.SlackCalls;
import dev.daybook.slack.client.SlackRefused;
import dev.daybook.support.RetryLater;

/**
 * Posts a message at most once per key, even when the work is retried after a crash between Slack's
 * answer and our record of it: every post carries its key in Slack message metadata, and a retry of
 * an attempt that was never confirmed first looks among the channel's (or thread's) latest 200
 * messages for one with that key.
 *
 * <p>A direct message is posted with the person's user ID as its channel: Slack puts it in the bot's
 * conversation with them and answers with that conversation's ID, which is what is recorded. One call
 * instead of two ({@code conversations.open} first) for each reminder; the conversation is opened only
 * when a retry has to look in it.
 */
@Component
public class OncePoster {

    static final String METADATA_TYPE = "daybook_delivery";
    private static final Logger log = LoggerFactory.getLogger(OncePoster.class);

    /** Where a delivered message is. */
    public record Posted(String channelId, String ts, int version) {
    }

    private final SlackDeliveries deliveries;
    private final SlackCalls slack;
    private final DirectMessages dms;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;
    /**
     * Longer than one attempt can take, rate-limit waits included; also how long a post that an
     * instance crashed in the middle of waits before another instance tries it.
     */
    private final Duration claimFor;

    OncePoster(SlackDeliveries deliveries, SlackCalls slack, DirectMessages dms, PlatformTransactionManager transactions,
               Clock clock, @Value("${daybook.slack.delivery-claim:10m}") Duration claimFor) {
        this.deliveries = deliveries;
        this.claimFor = claimFor;
        this.slack = slack;
        this.dms = dms;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    public Optional<Posted> find(String teamId, String key) {
        return ownTransaction.execute(s -> deliveries.findByTeamIdAndDeliveryKey(teamId, key))
                .filter(SlackDeliveryEntity::isDelivered)
                .map(d -> new Posted(d.channelId(), d.messageTs(), d.contentVersion()));
    }

    /**
     * Posts the message unless a message with this key was posted already; returns where it is.
     * {@code channelId} is a conversation, or a person's user ID for a direct message. Each
     * attempt claims the key for {@code daybook.slack.delivery-claim}: a second attempt running at the same moment (the
     * same outbox work resubmitted while the first still runs) is told to come back later instead of
     * posting too. A failed attempt releases its claim; a crashed one lets it lapse.
     */
    public Posted postOnce(String teamId, String key, String channelId, String threadTs, int version,
                    UnaryOperator<ChatPostMessageRequest.ChatPostMessageRequestBuilder> message) {
        Attempt attempt = claim(teamId, key, channelId, threadTs);
        if (attempt.delivered() != null) {
            return attempt.delivered();
        }
        try {
            if (attempt.triedBefore()) {
                String conversation = DirectMessages.isPerson(channelId) ? dms.channelWith(teamId, channelId) : channelId;
                Optional<String> earlier = lookForEarlierPost(teamId, key, conversation, threadTs);
                if (earlier.isPresent()) {
                    log.info("Slack: found the unconfirmed post for {} in the channel; not posting it again.", key);
                    return recordDelivered(teamId, key, conversation, earlier.get(), version);
                }
            }
            ChatPostMessageResponse posted = slack.call(teamId, "chat.postMessage", SlackCalls.Patience.WAIT,
                    c -> c.chatPostMessage(message.apply(ChatPostMessageRequest.builder()
                                    .channel(channelId)
                                    .threadTs(threadTs)
                                    .metadata(metadata(key)))
                            .build()));
            return recordDelivered(teamId, key, posted.getChannel() == null ? channelId : posted.getChannel(),
                    posted.getTs(), version);
        } catch (RuntimeException e) {
            ownTransaction.executeWithoutResult(s -> deliveries.lock(teamId, key).ifPresent(SlackDeliveryEntity::release));
            throw e;
        }
    }

    /**
     * Shows an ephemeral message (seen only by {@code userId}) unless one with this key was shown
     * already; returns whether it was shown now. Claimed as {@link #postOnce} claims, so an outbox retry
     * or a resubmission running alongside does not show it twice. Slack keeps no history of ephemeral
     * messages, so an attempt whose answer was lost is tried again rather than looked up.
     */
    public boolean postEphemeralOnce(String teamId, String key, String channelId, String userId, String text) {
        return postEphemeralOnce(teamId, key, channelId, userId, text, null);
    }

    /** The same, with blocks (buttons the author answers with); {@code text} is what notifications show. */
    public boolean postEphemeralOnce(String teamId, String key, String channelId, String userId, String text,
                              List<LayoutBlock> blocks) {
        Attempt attempt = claim(teamId, key, channelId, null);
        if (attempt.delivered() != null) {
            return false;
        }
        try {
            ChatPostEphemeralResponse shown = slack.call(teamId, "chat.postEphemeral", SlackCalls.Patience.WAIT,
                    c -> c.chatPostEphemeral(r -> r.channel(channelId).user(userId).text(text).blocks(blocks)));
            recordDelivered(teamId, key, channelId, shown.getMessageTs() == null ? "ephemeral" : shown.getMessageTs(), 1);
            return true;
        } catch (RuntimeException e) {
            ownTransaction.executeWithoutResult(s -> deliveries.lock(teamId, key).ifPresent(SlackDeliveryEntity::release));
            throw e;
        }
    }

    private record Attempt(Posted delivered, boolean triedBefore) {
    }

    private Attempt claim(String teamId, String key, String channelId, String threadTs) {
        Instant now = clock.instant();
        try {
            return ownTransaction.execute(s -> {
                Optional<SlackDeliveryEntity> existing = deliveries.lock(teamId, key);
                if (existing.isEmpty()) {
                    deliveries.saveAndFlush(new SlackDeliveryEntity(teamId, key, channelId, threadTs, now, now.plus(claimFor)));
                    return new Attempt(null, false);
                }
                SlackDeliveryEntity delivery = existing.get();
                if (delivery.isDelivered()) {
                    return new Attempt(new Posted(delivery.channelId(), delivery.messageTs(), delivery.contentVersion()), false);
                }
                boolean triedBefore = delivery.attemptedAt() != null;
                if (!delivery.claim(now, now.plus(claimFor))) {
                    throw new DeliveryBusy(key, comeBack(now, delivery.claimedUntil()));
                }
                return new Attempt(null, triedBefore);
            });
        } catch (DataIntegrityViolationException raced) {
            throw new DeliveryBusy(key, comeBack(now, now.plus(claimFor))); // another attempt created and claimed the row a moment ago
        }
    }

    /**
     * When an attempt that found the message being posted comes back: after a short pause, or when the
     * other attempt's claim lapses if that is sooner. Not at the lapse itself: the other attempt is
     * usually another update needing the same message (a channel's daily thread) and done within a
     * second, and this one's own work (sharing its update) would otherwise wait the whole claim, 10
     * minutes. Not on every pass of the outbox either (500 ms in the tests): that was a storm of
     * attempts that could only be busy again. One second is the other attempt's usual time; in
     * production the outbox resubmits nothing younger than {@code daybook.outbox.retry-min-age} (20 s)
     * anyway, so the pause only decides how long the tests wait for a race they provoke.
     */
    static Instant comeBack(Instant now, Instant claimedUntil) {
        Instant soon = now.plus(BUSY_PAUSE);
        return soon.isBefore(claimedUntil) ? soon : claimedUntil;
    }

    static final Duration BUSY_PAUSE = Duration.ofSeconds(1);

    /**
     * Another attempt is posting this message right now; this one comes back after a pause ({@link RetryLater},
     * {@link #comeBack}), not on every pass of the outbox: until then it could only be busy again.
     * The first attempt that finishes in time completes its own work; one that crashed is taken over then.
     */
    static final class DeliveryBusy extends RuntimeException implements RetryLater {

        private final transient Instant claimedUntil;

        DeliveryBusy(String key, Instant claimedUntil) {
            super("another attempt is posting " + key + " right now");
            this.claimedUntil = claimedUntil;
        }

        @Override
        public Instant notBefore() {
            return claimedUntil;
        }
    }

    /** Brings a delivered message up to {@code version} with {@code chat.update}; older versions are ignored. */
    public void updateTo(String teamId, String key, int version,
                  UnaryOperator<ChatUpdateRequest.ChatUpdateRequestBuilder> message) {
        Optional<SlackDeliveryEntity> found = ownTransaction.execute(s -> deliveries.findByTeamIdAndDeliveryKey(teamId, key));
        if (found.isEmpty() || !found.get().isDelivered() || found.get().contentVersion() >= version) {
            return;
        }
        SlackDeliveryEntity d = found.get();
        slack.call(teamId, "chat.update", SlackCalls.Patience.WAIT,
                c -> c.chatUpdate(message.apply(ChatUpdateRequest.builder()
                        .channel(d.channelId())
                        .ts(d.messageTs())
                        .metadata(metadata(key))).build()));
        ownTransaction.executeWithoutResult(s -> deliveries.findByTeamIdAndDeliveryKey(teamId, key)
                .ifPresent(current -> current.updated(Math.max(version, current.contentVersion()))));
    }

    /** Deletes a delivered message from Slack and forgets it. */
    public void delete(String teamId, String key) {
        Optional<SlackDeliveryEntity> found = ownTransaction.execute(s -> deliveries.findByTeamIdAndDeliveryKey(teamId, key));
        if (found.isEmpty()) {
            return;
        }
        SlackDeliveryEntity d = found.get();
        if (d.isDelivered()) {
            try {
                slack.call(teamId, "chat.delete", SlackCalls.Patience.WAIT,
                        c -> c.chatDelete(r -> r.channel(d.channelId()).ts(d.messageTs())));
            } catch (SlackRefused gone) {
                log.debug("Slack: message for {} was already gone ({}).", key, gone.error());
            }
        }
        ownTransaction.executeWithoutResult(s -> deliveries.findByTeamIdAndDeliveryKey(teamId, key)
                .ifPresent(deliveries::delete));
    }

    private Posted recordDelivered(String teamId, String key, String channelId, String ts, int version) {
        return ownTransaction.execute(s -> {
            if (deliveries.markDelivered(teamId, key, channelId, ts, version, clock.instant()) != 1) {
                throw new IllegalStateException("no delivery claimed for " + key);
            }
            return new Posted(channelId, ts, version);
        });
    }

    private Optional<String> lookForEarlierPost(String teamId, String key, String channelId, String threadTs) {
        try {
            List<Message> messages = threadTs == null
                    ? slack.call(teamId, "conversations.history", SlackCalls.Patience.WAIT,
                            c -> c.conversationsHistory(r -> r.channel(channelId)
                                    .includeAllMetadata(true).limit(200))).getMessages()
                    : slack.call(teamId, "conversations.replies", SlackCalls.Patience.WAIT,
                            c -> c.conversationsReplies(r -> r.channel(channelId).ts(threadTs)
                                    .includeAllMetadata(true).limit(200))).getMessages();
            return messages == null ? Optional.empty() : messages.stream()
                    .filter(m -> m.getMetadata() != null && METADATA_TYPE.equals(m.getMetadata().getEventType()))
                    .filter(m -> m.getMetadata().getEventPayload() != null
                            && Objects.equals(key, String.valueOf(m.getMetadata().getEventPayload().get("key"))))
                    .map(Message::getTs)
                    .findFirst();
        } catch (SlackRefused e) {
            // Without history access we cannot check; posting again is better than never delivering.
            log.warn("Slack: could not check {} for an earlier post of {} ({}).", channelId, key, e.error());
            return Optional.empty();
        }
    }

    private static Message.Metadata metadata(String key) {
        return Message.Metadata.builder().eventType(METADATA_TYPE).eventPayload(Map.of("key", key)).build();
    }
}
