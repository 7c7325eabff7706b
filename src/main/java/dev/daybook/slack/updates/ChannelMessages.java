package dev.daybook.slack.updates;

import java.util.List;

import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.event.MessageChangedEvent;
import com.slack.api.model.event.MessageDeletedEvent;
import com.slack.api.model.event.MessageEvent;
import com.slack.api.model.event.MessageFileShareEvent;
import org.springframework.stereotype.Component;

import dev.daybook.projects.ProjectDirectory;
import dev.daybook.slack.client.SlackChannels;
import dev.daybook.slack.status.Questions;
import dev.daybook.slack.transport.SlackListener;
import dev.daybook.updates.UpdateService;
import dev.daybook.updates.UpdateSource;

/**
 * Update posts written straight into a channel, top-level or in a thread: recorded when they read as
 * an update, asked about when they may be one, revised when edited, withdrawn when deleted or edited
 * into chat. Read from the message's rich text blocks where Slack sends them, else from its text.
 * Bots and other message subtypes are left alone.
 */
@Component
class ChannelMessages implements SlackListener {

    private final UpdateIntake intake;
    private final UpdateService updates;
    private final ProjectDirectory projects;
    private final SlackChannels channels;
    private final Questions questions;

    ChannelMessages(UpdateIntake intake, UpdateService updates, ProjectDirectory projects, SlackChannels channels,
                    Questions questions) {
        this.questions = questions;
        this.intake = intake;
        this.updates = updates;
        this.projects = projects;
        this.channels = channels;
    }

    @Override
    public void register(App app) {
        app.event(MessageEvent.class, (payload, ctx) -> {
            MessageEvent m = payload.getEvent();
            return posted(payload, ctx, m.getChannel(), m.getChannelType(), m.getUser(), m.getBotId(), m.getText(),
                    m.getBlocks(), m.getTs(), m.getThreadTs());
        });
        app.event(MessageFileShareEvent.class, (payload, ctx) -> {
            MessageFileShareEvent m = payload.getEvent();
            return posted(payload, ctx, m.getChannel(), m.getChannelType(), m.getUser(), null, m.getText(),
                    m.getBlocks(), m.getTs(), m.getThreadTs());
        });
        app.event(MessageChangedEvent.class, this::edited);
        app.event(MessageDeletedEvent.class, this::deleted);
    }

    private Response posted(EventsApiPayload<?> payload, EventContext ctx, String channelId, String channelType,
                            String userId, String botId, String text, List<LayoutBlock> blocks, String ts,
                            String threadTs) {
        if ("im".equals(channelType) && userId != null && botId == null && !isThreadReply(ts, threadTs)) {
            return questions.askedDirectly(ctx, payload.getEventId(), channelId, userId, text);
        }
        if (!isPersonInChannel(channelType, userId, botId) || !SlackTimestamps.isValid(ts)) {
            return ctx.ack();
        }
        String teamId = ctx.getTeamId();
        String written = RichTextPost.textOf(text, blocks);
        if (!updates.read(teamId, channelId, written, UpdateSource.MESSAGE).recognised()) {
            return ctx.ack(); // ordinary conversation: no database, no Slack calls
        }
        intake.record(post(teamId, channelId, userId, written, ts, threadTs, payload.getEventId()));
        return ctx.ack();
    }

    private Response edited(EventsApiPayload<MessageChangedEvent> payload, EventContext ctx) {
        MessageChangedEvent event = payload.getEvent();
        MessageChangedEvent.Message m = event.getMessage();
        if (m == null || !isPersonInChannel(event.getChannelType(), m.getUser(), m.getBotId())
                || !SlackTimestamps.isValid(m.getTs())) {
            return ctx.ack();
        }
        String teamId = ctx.getTeamId();
        String channelId = event.getChannel();
        String written = RichTextPost.textOf(m.getText(), m.getBlocks());
        if (!updates.read(teamId, channelId, written, UpdateSource.MESSAGE).recognised()
                && !updates.isRecordedMessage(teamId, channelId, m.getTs())) {
            // Still chat; a question about what it said before no longer applies.
            intake.once(teamId, payload.getEventId(), () -> updates.forgetQuestionsAbout(teamId, channelId, m.getTs()));
            return ctx.ack();
        }
        intake.edited(post(teamId, channelId, m.getUser(), written, m.getTs(), m.getThreadTs(), payload.getEventId()));
        return ctx.ack();
    }

    private Response deleted(EventsApiPayload<MessageDeletedEvent> payload, EventContext ctx) {
        MessageDeletedEvent event = payload.getEvent();
        if (event.getDeletedTs() == null) {
            return ctx.ack();
        }
        String teamId = ctx.getTeamId();
        intake.once(teamId, payload.getEventId(),
                () -> updates.deleteMessage(teamId, event.getChannel(), event.getDeletedTs()));
        return ctx.ack();
    }

    private UpdateIntake.Post post(String teamId, String channelId, String userId, String text, String ts,
                                   String threadTs, String eventId) {
        String name = projects.byChannel(teamId, channelId).isPresent() ? null : channels.nameOf(teamId, channelId);
        return new UpdateIntake.Post(teamId, channelId, name, userId, text, UpdateSource.MESSAGE,
                SlackTimestamps.toInstant(ts), ts, isThreadReply(ts, threadTs) ? threadTs : null, eventId);
    }

    /** A person's message in a channel: not a bot, not a direct message (those are questions, not posts). */
    private static boolean isPersonInChannel(String channelType, String userId, String botId) {
        boolean channel = channelType == null || channelType.equals("channel") || channelType.equals("group");
        return channel && userId != null && botId == null;
    }

    private static boolean isThreadReply(String ts, String threadTs) {
        return threadTs != null && !threadTs.equals(ts);
    }
}
