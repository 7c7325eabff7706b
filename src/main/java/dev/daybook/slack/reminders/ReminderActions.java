package dev.daybook.slack.reminders;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.List;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.daybook.people.PersonDirectory;
import dev.daybook.reminders.Reminders;
import dev.daybook.slack.blockkit.SlackText;
import dev.daybook.slack.client.SlackCalls;
import dev.daybook.slack.transport.SlackListener;
import dev.daybook.slack.updates.UpdateModal;

/** The buttons of a reminder: write the update now, snooze it, skip the day. */
@Component
class ReminderActions implements SlackListener {

    private static final Logger log = LoggerFactory.getLogger(ReminderActions.class);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final Reminders reminders;
    private final UpdateModal modal;
    private final PersonDirectory people;
    private final SlackCalls slack;

    ReminderActions(Reminders reminders, UpdateModal modal, PersonDirectory people, SlackCalls slack) {
        this.reminders = reminders;
        this.modal = modal;
        this.people = people;
        this.slack = slack;
    }

    @Override
    public void register(App app) {
        app.blockAction(ReminderMessages.WRITE, this::write);
        app.blockAction(ReminderMessages.SNOOZE, this::snooze);
        app.blockAction(ReminderMessages.SKIP, this::skip);
    }

    Response write(BlockActionRequest request, ActionContext ctx) {
        BlockActionPayload payload = request.getPayload();
        String value = value(payload);
        String project = value.contains("|") ? value.substring(0, value.indexOf('|')) : ReminderMessages.NO_PROJECT;
        String channel = ReminderMessages.NO_PROJECT.equals(project) ? dmChannel(payload) : project;
        if (!modal.open(ctx.getTeamId(), channel, payload.getUser().getId(), payload.getTriggerId())) {
            replace(ctx.getTeamId(), payload, UpdateModal.COULD_NOT_OPEN);
        }
        return ctx.ack();
    }

    Response snooze(BlockActionRequest request, ActionContext ctx) {
        BlockActionPayload payload = request.getPayload();
        String userId = payload.getUser().getId();
        LocalDate day = day(value(payload));
        if (day == null) {
            return ctx.ack();
        }
        Instant until = reminders.snooze(ctx.getTeamId(), userId, day);
        String at = TIME.format(people.profile(ctx.getTeamId(), userId).calendar().timeAt(until));
        replace(ctx.getTeamId(), payload, ":zzz: Snoozed: I'll remind you again at *" + at + "*.");
        return ctx.ack();
    }

    Response skip(BlockActionRequest request, ActionContext ctx) {
        BlockActionPayload payload = request.getPayload();
        LocalDate day = day(value(payload));
        if (day == null) {
            return ctx.ack();
        }
        reminders.skip(ctx.getTeamId(), payload.getUser().getId(), day);
        replace(ctx.getTeamId(), payload, ":ok_hand: Skipped: no more reminders for *" + SlackText.day(day) + "*.");
        return ctx.ack();
    }

    /** Replaces the reminder's buttons with what was done, so they cannot be pressed again by mistake. */
    private void replace(String teamId, BlockActionPayload payload, String text) {
        if (payload.getContainer() == null || payload.getContainer().getMessageTs() == null) {
            return;
        }
        String channel = payload.getContainer().getChannelId();
        String ts = payload.getContainer().getMessageTs();
        try {
            slack.call(teamId, "chat.update", SlackCalls.Patience.NONE, c -> c.chatUpdate(r -> r.channel(channel).ts(ts)
                    .text(text).blocks(List.of(section(s -> s.text(markdownText(text)))))));
        } catch (RuntimeException e) {
            log.info("Slack: could not update a reminder after a button ({}).", e.getMessage());
        }
    }

    private static String dmChannel(BlockActionPayload payload) {
        if (payload.getContainer() != null && payload.getContainer().getChannelId() != null) {
            return payload.getContainer().getChannelId();
        }
        return payload.getChannel() == null ? null : payload.getChannel().getId();
    }

    private static String value(BlockActionPayload payload) {
        if (payload.getActions() == null || payload.getActions().isEmpty() || payload.getActions().get(0).getValue() == null) {
            return "";
        }
        return payload.getActions().get(0).getValue();
    }

    private static LocalDate day(String value) {
        String day = value.contains("|") ? value.substring(value.indexOf('|') + 1) : value;
        try {
            return LocalDate.parse(day);
        } catch (DateTimeException e) {
            return null;
        }
    }
}
