package dev.daybook.slack;

import java.time.Clock;
import java.util.Optional;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.daybook.updates.Recording;
import dev.daybook.updates.UpdateSource;

/** {@code /update <text>} records an update; {@code /update} alone opens the form. */
@Component
class UpdateCommand implements SlackListener {

    private static final Logger log = LoggerFactory.getLogger(UpdateCommand.class);

    private final UpdateIntake intake;
    private final UpdateModal modal;
    private final Clock clock;

    UpdateCommand(UpdateIntake intake, UpdateModal modal, Clock clock) {
        this.intake = intake;
        this.modal = modal;
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
        if (SlackChannels.isDirectMessage(command.getChannelId())) {
            return ctx.ack(Replies.notInDirectMessages());
        }
        try {
            Optional<Recording> recording = intake.record(teamId, command.getChannelId(),
                    channelName(command), command.getUserId(), command.getText(), UpdateSource.SLASH_COMMAND,
                    clock.instant(), null, null);
            return ctx.ack(r -> r.responseType("ephemeral")
                    .text(Replies.afterRecording(recording.orElseThrow(), true)));
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
