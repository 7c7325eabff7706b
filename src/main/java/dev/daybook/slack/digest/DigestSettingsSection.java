package dev.daybook.slack.digest;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.conversationsSelect;
import static com.slack.api.model.block.element.BlockElements.staticSelect;
import static com.slack.api.model.block.element.BlockElements.timePicker;

import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.ConversationsFilter;
import com.slack.api.model.block.composition.OptionObject;
import org.springframework.stereotype.Component;

import dev.daybook.digest.DigestSchedule;
import dev.daybook.digest.Digests;
import dev.daybook.projects.Project;
import dev.daybook.slack.blockkit.FormValues;
import dev.daybook.slack.blockkit.TimeOfDay;
import dev.daybook.slack.settings.ProjectSettingsSection;

/** The weekly summary's part of {@code /daybook settings}: digest channel, day and time. */
@Component
class DigestSettingsSection implements ProjectSettingsSection {

    static final String CHANNEL = "digest_channel";
    static final String DAY = "digest_day";
    static final String TIME = "digest_time";


    private final Digests digests;

    DigestSettingsSection(Digests digests) {
        this.digests = digests;
    }

    @Override
    public int order() {
        return 200;
    }

    @Override
    public List<LayoutBlock> blocks(Project project) {
        DigestSchedule schedule = digests.schedule(project);
        String channel = schedule.channelId() == null ? project.channelId() : schedule.channelId();
        return List.of(
                section(s -> s.blockId("digest_about").text(markdownText(
                        "*Weekly summary* for stakeholders: highlights, goals, runs, blockers, next week's plan, "
                                + "the 70/20/10 split and who posted. `/daybook digest preview` shows it."))),
                input(i -> i.blockId(CHANNEL).optional(true).label(plainText("Post the summary in"))
                        .hint(plainText("Empty: this project's own channel. Invite Daybook to a private channel first."))
                        .element(conversationsSelect(c -> c.actionId(FormValues.VALUE).initialConversation(channel)
                                .filter(ConversationsFilter.builder().include(List.of("public", "private"))
                                        .excludeBotUsers(true).build())))),
                input(i -> i.blockId(DAY).label(plainText("On"))
                        .element(staticSelect(s -> s.actionId(FormValues.VALUE)
                                .options(Arrays.stream(DayOfWeek.values()).map(DigestSettingsSection::dayOption).toList())
                                .initialOption(dayOption(schedule.day()))))),
                input(i -> i.blockId(TIME).label(plainText("At"))
                        .hint(plainText("In the project's time zone."))
                        .element(timePicker(p -> p.actionId(FormValues.VALUE)
                                .initialTime(TimeOfDay.format(schedule.time()))))));
    }

    @Override
    public Map<String, String> check(Project project, FormValues values) {
        // Slack requires both inputs, so a value that is missing means a form from before this section:
        // the schedule stays as it is. A value that is there must make sense.
        Map<String, String> errors = new LinkedHashMap<>();
        String dayValue = values.selectedOption(DAY);
        if (dayValue != null && day(dayValue) == null) {
            errors.put(DAY, "Pick the day the summary goes out.");
        }
        if (values.hasTime(TIME) && values.selectedTime(TIME) == null) {
            errors.put(TIME, "Pick the time the summary goes out, like 16:00.");
        }
        String channel = values.selectedConversation(CHANNEL);
        if (channel != null && !channel.matches("[CG][A-Z0-9]{2,}")) {
            errors.put(CHANNEL, "Pick a channel (not a direct message) for the summary.");
        }
        return errors;
    }

    @Override
    public void save(Project project, FormValues values) {
        if (values.selectedOption(DAY) == null && !values.hasTime(TIME)) {
            return; // a form without this section's inputs
        }
        DigestSchedule current = digests.schedule(project);
        String channel = values.selectedConversation(CHANNEL);
        DayOfWeek day = day(values.selectedOption(DAY));
        LocalTime time = values.selectedTime(TIME);
        digests.saveSchedule(project, new DigestSchedule(
                channel == null || channel.equals(project.channelId()) ? null : channel,
                day == null ? current.day() : day, time == null ? current.time() : time), null);
    }

    private static OptionObject dayOption(DayOfWeek day) {
        return option(plainText(day.getDisplayName(TextStyle.FULL, Locale.ENGLISH)), day.name());
    }

    private static DayOfWeek day(String value) {
        try {
            return value == null ? null : DayOfWeek.valueOf(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

}
