package dev.daybook.slack.updates;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import java.util.List;

import com.slack.api.bolt.App;
import com.slack.api.model.event.MemberJoinedChannelEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionTemplate;

import dev.daybook.slack.client.SlackRefused;
import dev.daybook.slack.delivery.OncePoster;
import dev.daybook.slack.transport.SlackListener;

/**
 * When the bot is invited into a channel, it says once how to post there. Other people joining
 * change nothing. The event is acknowledged at once; the post goes through the outbox, keyed by the
 * channel, so a retried event, a second instance or a re-invitation never repeats it.
 */
@Component
class ChannelWelcome implements SlackListener {

    private static final Logger log = LoggerFactory.getLogger(ChannelWelcome.class);

    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final OncePoster deliveries;

    ChannelWelcome(ApplicationEventPublisher events, PlatformTransactionManager transactions, OncePoster deliveries) {
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.deliveries = deliveries;
    }

    /** The bot was added to a conversation. */
    record BotJoinedChannel(String teamId, String channelId) {
    }

    @Override
    public void register(App app) {
        app.event(MemberJoinedChannelEvent.class, (payload, ctx) -> {
            MemberJoinedChannelEvent event = payload.getEvent();
            String teamId = event.getTeam() != null ? event.getTeam() : ctx.getTeamId();
            if (event.getUser() != null && event.getUser().equals(ctx.getBotUserId()) && event.getChannel() != null
                    && teamId != null) {
                transaction.executeWithoutResult(s -> events.publishEvent(new BotJoinedChannel(teamId, event.getChannel())));
            }
            return ctx.ack();
        });
    }

    @ApplicationModuleListener(id = "slack.channel-welcome", propagation = Propagation.NOT_SUPPORTED)
    void on(BotJoinedChannel joined) {
        try {
            deliveries.postOnce(joined.teamId(), "welcome:" + joined.channelId(), joined.channelId(), null, 1,
                    m -> m.text(FirstSteps.WELCOME_FALLBACK)
                            .blocks(List.of(section(s -> s.text(markdownText(FirstSteps.WELCOME))))));
        } catch (SlackRefused refused) {
            // Removed again before the welcome went out, or the channel was archived: nothing to say there.
            log.info("Slack: no welcome in {} ({}).", joined.channelId(), refused.error());
        }
    }
}
