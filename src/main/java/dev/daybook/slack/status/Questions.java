package dev.daybook.slack.status;

import java.util.concurrent.atomic.AtomicBoolean;

import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.AppMentionEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.daybook.slack.client.SlackCalls;
import dev.daybook.slack.client.SlackChannels;
import dev.daybook.slack.transport.SlackListener;
import dev.daybook.slack.updates.UpdateIntake;

/**
 * Questions in a mention ("@Daybook status of acme?") or a direct message. Each event is answered once
 * (Slack's retries are claimed like update posts); a mention is answered in its thread, or to the asker
 * alone when the answer is theirs only.
 */
@Component
public class Questions implements SlackListener {

    private static final Logger log = LoggerFactory.getLogger(Questions.class);

    private final QuestionAnswers answers;
    private final UpdateIntake intake;
    private final SlackCalls slack;

    Questions(QuestionAnswers answers, UpdateIntake intake, SlackCalls slack) {
        this.answers = answers;
        this.intake = intake;
        this.slack = slack;
    }

    @Override
    public void register(App app) {
        app.event(AppMentionEvent.class, (payload, ctx) -> {
            AppMentionEvent event = payload.getEvent();
            if (event.getUser() == null || event.getBotId() != null || event.getText() == null) {
                return ctx.ack();
            }
            String thread = event.getThreadTs() != null ? event.getThreadTs() : event.getTs();
            answerOnce(ctx, payload.getEventId(), event.getChannel(), thread, event.getUser(), event.getText());
            return ctx.ack();
        });
    }

    /** A person's direct message to the bot: always a question (updates are posted in project channels). */
    public Response askedDirectly(EventContext ctx, String eventId, String channelId, String userId, String text) {
        answerOnce(ctx, eventId, channelId, null, userId, text == null ? "" : text);
        return ctx.ack();
    }

    private void answerOnce(EventContext ctx, String eventId, String channelId, String threadTs, String userId,
                            String text) {
        String teamId = ctx.getTeamId();
        AtomicBoolean first = new AtomicBoolean();
        if (eventId != null) {
            intake.once(teamId, eventId, () -> first.set(true));
            if (!first.get()) {
                return; // Slack's retry of a question already answered
            }
        }
        try {
            QuestionAnswers.Reply reply = answers.answer(teamId, channelId, userId, text);
            boolean direct = SlackChannels.isDirectMessage(channelId);
            if (reply.onlyForAsker() && !direct) {
                slack.call(teamId, "chat.postEphemeral", SlackCalls.Patience.NONE,
                        c -> c.chatPostEphemeral(r -> r.channel(channelId).user(userId).threadTs(threadTs)
                                .text(reply.text()).blocks(reply.blocks())));
            } else {
                slack.call(teamId, "chat.postMessage", SlackCalls.Patience.NONE,
                        c -> c.chatPostMessage(r -> r.channel(channelId).threadTs(threadTs).text(reply.text())
                                .blocks(reply.blocks()).unfurlLinks(false)));
            }
        } catch (RuntimeException e) {
            log.info("Could not answer a question ({}).", e.getMessage());
        }
    }
}
