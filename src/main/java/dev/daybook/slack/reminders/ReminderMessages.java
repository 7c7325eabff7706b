package dev.daybook.slack.reminders;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import com.slack.api.model.block.LayoutBlock;
import org.springframework.stereotype.Component;

import dev.daybook.projects.Project;
import dev.daybook.reminders.ReminderNote;
import dev.daybook.reminders.Reminders;
import dev.daybook.slack.blockkit.SlackText;
import dev.daybook.slack.delivery.OncePoster;
import dev.daybook.slack.delivery.ScheduledSender;
import dev.daybook.support.ScheduledMessageDue;

/**
 * Sends a reminder the scheduler decided on as a direct message with three buttons: write the
 * update (the form, prefilled with the previous Next), snooze, skip today. Posted once per person,
 * day and kind, whichever instance and however often the work runs.
 */
@Component
class ReminderMessages implements ScheduledSender {

    static final String WRITE = "daybook_reminder_write";
    static final String SNOOZE = "daybook_reminder_snooze";
    static final String SKIP = "daybook_reminder_skip";
    static final String NO_PROJECT = "-";

    private final Reminders reminders;
    private final OncePoster deliveries;

    ReminderMessages(Reminders reminders, OncePoster deliveries) {
        this.reminders = reminders;
        this.deliveries = deliveries;
    }

    @Override
    public String feature() {
        return ScheduledMessageDue.REMINDER;
    }

    @Override
    public String meterKind() {
        return "reminder";
    }

    @Override
    public String what() {
        return "a reminder";
    }

    @Override
    public String send(ScheduledMessageDue due) {
        Optional<ReminderNote> note = reminders.compose(due);
        if (note.isEmpty()) {
            return "skipped";
        }
        String text = fallback(note.get());
        List<LayoutBlock> blocks = blocks(note.get(), reminders.timing().snooze());
        deliveries.postOnce(due.teamId(), due.deliveryKey(), due.subject(), null, 1, m -> m.text(text).blocks(blocks));
        return "sent";
    }

    static String fallback(ReminderNote note) {
        return switch (note.kind()) {
            case REMINDER -> "Time for your end-of-day update for " + SlackText.day(note.day()) + ".";
            case FOLLOW_UP -> "Still time for your end-of-day update for " + SlackText.day(note.day()) + ".";
            case SNOOZED -> "Snooze is over: time for your update for " + SlackText.day(note.day()) + ".";
        };
    }

    static List<LayoutBlock> blocks(ReminderNote note, Duration snooze) {
        List<LayoutBlock> blocks = new ArrayList<>();
        String opening = switch (note.kind()) {
            case REMINDER -> ":wave: Time for your end-of-day update for *" + SlackText.day(note.day()) + "*.";
            case FOLLOW_UP -> ":hourglass_flowing_sand: Still time for your end-of-day update for *"
                    + SlackText.day(note.day()) + "*.";
            case SNOOZED -> ":alarm_clock: Snooze is over: time for your update for *" + SlackText.day(note.day()) + "*.";
        };
        StringBuilder where = new StringBuilder(opening);
        if (!note.notPostedIn().isEmpty()) {
            where.append("\nNot posted yet in ").append(channels(note.notPostedIn())).append('.');
        }
        if (!note.postedIn().isEmpty()) {
            where.append("\nAlready posted in ").append(channels(note.postedIn())).append(": thanks!");
        }
        blocks.add(section(s -> s.text(markdownText(where.toString()))));
        if (!note.previousNext().isEmpty()) {
            List<String> lines = new ArrayList<>();
            lines.add("*Your Next from " + SlackText.day(note.previousDay()) + "*");
            note.previousNext().forEach(item -> lines.add("• " + SlackText.quiet(item)));
            SlackText.chunks(lines, SlackText.SECTION_LIMIT).stream().limit(5)
                    .forEach(chunk -> blocks.add(section(s -> s.text(markdownText(chunk)))));
        }
        String project = note.notPostedIn().isEmpty() ? NO_PROJECT : note.notPostedIn().get(0).channelId();
        String day = note.day().toString();
        blocks.add(actions(a -> a.blockId("daybook_reminder").elements(List.of(
                button(b -> b.actionId(WRITE).text(plainText("Write my update")).style("primary")
                        .value(project + "|" + day)),
                button(b -> b.actionId(SNOOZE).text(plainText("Snooze " + minutes(snooze))).value(day)),
                button(b -> b.actionId(SKIP).text(plainText("Skip today")).value(day))))));
        blocks.add(context(c -> c.elements(List.of(markdownText(
                "Change your reminder time, working days or time away with `/daybook settings` or `/daybook away`.")))));
        return blocks;
    }

    private static String channels(List<Project> projects) {
        return projects.stream().map(p -> "<#" + p.channelId() + ">").collect(Collectors.joining(", "));
    }

    static String minutes(Duration duration) {
        long minutes = duration.toMinutes();
        return minutes % 60 == 0 ? (minutes / 60) + " h" : minutes + " min";
    }
}
