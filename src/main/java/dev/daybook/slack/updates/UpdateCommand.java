package dev.daybook.slack.updates;

import java.time.Clock;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.daybook.slack.client.SlackChannels;
import dev.daybook.slack.transport.SlackListener;
import dev.daybook.updates.Recording;
import dev.daybook.updates.UpdatePrompt;
import dev.daybook.updates.UpdateSource;

/**
 * {@code /update <text>} records an update (asking first when it would drop what the day holds);
 * {@code /update} alone opens the form; {@code /update help|preview|history|undo} do what they say.
 */
@Component
class UpdateCommand implements SlackListener {

    private static final Logger log = LoggerFactory.getLogger(UpdateCommand.class);

    private final UpdateIntake intake;
    private final UpdateModal modal;
    private final UpdateWords words;
    private final Clock clock;

    UpdateCommand(UpdateIntake intake, UpdateModal modal, UpdateWords words, Clock clock) {
        this.intake = intake;
        this.modal = modal;
        this.words = words;
        this.clock = clock;
    }

    @Override
    public void register(App app) {
        app.command("/update", this::handle);
    }

    Response handle(SlashCommandRequest request, SlashCommandContext ctx) {
        SlashCommandPayload command = request.getPayload();
        String teamId = ctx.getTeamId();
        if (command.getText() == null || command.getText().isBlank()) {
            return modal.open(teamId, command.getChannelId(), command.getUserId(), command.getTriggerId())
                    ? ctx.ack() : ctx.ack(UpdateModal.COULD_NOT_OPEN);
        }
        if (UpdateWords.isCommand(command.getText())) {
            return words.handle(command.getText(), teamId, command.getChannelId(), command.getUserId(), ctx);
        }
        if (SlackChannels.isDirectMessage(command.getChannelId())) {
            return ctx.ack(Replies.notInDirectMessages());
        }
        try {
            Recording recording = intake.record(new UpdateIntake.Post(teamId, command.getChannelId(),
                    channelName(command), command.getUserId(), command.getText(), UpdateSource.SLASH_COMMAND,
                    clock.instant(), null, null, null)).orElseThrow();
            if (recording.outcome() == Recording.Outcome.WOULD_REPLACE) {
                UpdatePrompt prompt = recording.prompt();
                String holds = Replies.counts(prompt.existing());
                return ctx.ack(r -> r.responseType("ephemeral")
                        .text(UpdateChoices.replaceText(prompt.day(), holds))
                        .blocks(UpdateChoices.replaceBlocks(prompt.id(), prompt.day(), holds)));
            }
            return ctx.ack(r -> r.responseType("ephemeral").text(Replies.afterRecording(recording, true)));
        } catch (RuntimeException e) {
            log.error("Could not record an update from /update", e);
            return ctx.ack(r -> r.responseType("ephemeral").text(Replies.couldNotSave()));
        }
    }

    /** Slack sends placeholders instead of names for conversations the app cannot see. */
    private static String channelName(SlashCommandPayload command) {
        String name = command.getChannelName();
        return name == null || name.equals("privategroup") || name.equals("directmessage") ? null : name;
    }
}
