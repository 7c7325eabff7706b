package dev.daybook.slack.delivery;

import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.daybook.slack.client.SlackCalls;
import dev.daybook.slack.client.SlackRefused;

/**
 * The Slack message each update can be read in, so that answers can link the updates they were built
 * from. Remembered when an update is posted in a channel or shared by Daybook, with the permalink
 * Slack gives for it ({@code chat.getPermalink}); the latest message of an update wins.
 */
@Component
public class MessageLinks {

    private static final Logger log = LoggerFactory.getLogger(MessageLinks.class);
    /** The column's width; Slack's permalinks are far shorter. */
    private static final int MAX_PERMALINK = 500;

    private final SlackMessageLinks links;
    private final SlackCalls slack;
    private final TransactionTemplate transaction;
    private final Clock clock;

    MessageLinks(SlackMessageLinks links, SlackCalls slack, PlatformTransactionManager transactions, Clock clock) {
        this.links = links;
        this.slack = slack;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /**
     * Remembers the message an update can be read in. Background work only: asks Slack for the
     * permalink, waiting out rate limits; Slack being unavailable is thrown (the caller's outbox
     * retries), a refusal leaves the update without a link.
     */
    public void remember(String teamId, long updateId, String channelId, String messageTs) {
        if (channelId == null || messageTs == null) {
            return;
        }
        Optional<SlackMessageLinkEntity> known = transaction.execute(s -> links.findByTeamIdAndUpdateId(teamId, updateId));
        if (known.isPresent() && known.get().isFor(channelId, messageTs)) {
            return; // a retry: nothing new to ask Slack
        }
        String permalink;
        try {
            permalink = slack.call(teamId, "chat.getPermalink", SlackCalls.Patience.WAIT,
                    c -> c.chatGetPermalink(r -> r.channel(channelId).messageTs(messageTs))).getPermalink();
        } catch (SlackRefused refused) {
            log.info("Slack: no permalink for an update's message ({}).", refused.error());
            return;
        }
        if (permalink == null || permalink.isBlank() || permalink.length() > MAX_PERMALINK
                || !permalink.startsWith("https://")) {
            log.info("Slack: an unusable permalink for an update's message; it is not linked.");
            return;
        }
        try {
            transaction.executeWithoutResult(s -> links.findByTeamIdAndUpdateId(teamId, updateId).ifPresentOrElse(
                    link -> link.moveTo(channelId, messageTs, permalink, clock.instant()),
                    () -> links.saveAndFlush(new SlackMessageLinkEntity(teamId, updateId, channelId, messageTs,
                            permalink, clock.instant()))));
        } catch (DataIntegrityViolationException raced) {
            log.debug("Another instance remembered the same update's message first.");
        }
    }

    /** The permalinks of those updates that have one, by update id. */
    public Map<Long, String> permalinks(String teamId, Collection<Long> updateIds) {
        Map<Long, String> found = new HashMap<>();
        if (updateIds.isEmpty()) {
            return found;
        }
        transaction.executeWithoutResult(s -> links.findByTeamIdAndUpdateIdIn(teamId, updateIds)
                .forEach(link -> found.put(link.updateId(), link.permalink())));
        return found;
    }

    public Optional<String> permalink(String teamId, long updateId) {
        return Optional.ofNullable(permalinks(teamId, java.util.List.of(updateId)).get(updateId));
    }

    /** An update deleted: its link goes with it. */
    public void forget(String teamId, long updateId) {
        transaction.executeWithoutResult(s -> links.forget(teamId, updateId));
    }
}
