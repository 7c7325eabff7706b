package dev.daybook.slack.people;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.checkboxes;
import static com.slack.api.model.block.element.BlockElements.datePicker;
import static com.slack.api.model.block.element.BlockElements.timePicker;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.view.View;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

import dev.daybook.people.AwayPeriod;
import dev.daybook.people.PersonDirectory;
import dev.daybook.people.PersonProfile;
import dev.daybook.people.PersonalSettings;
import dev.daybook.slack.blockkit.FormValues;
import dev.daybook.slack.blockkit.TimeOfDay;
import dev.daybook.slack.client.SlackCalls;
import dev.daybook.slack.client.SlackPeople;
import dev.daybook.slack.home.AppHome;
import dev.daybook.slack.transport.SlackListener;

/**
 * "My settings": a person's reminder time, working days, which reminders and budget notes they
 * get, and time away. Opened from the project settings form, from the App Home, and by {@code /daybook settings}
 * outside a project channel. The time zone is not here: it follows the person's Slack profile.
 */
@Component
public class MySettingsModal implements SlackListener {

    static final String CALLBACK = "daybook_my_settings";
    public static final String OPEN = "daybook_open_my_settings";
    static final String TIME = "reminder_time";
    static final String DAYS = "working_days";
    static final String NOTES = "notes";
    static final String REMINDERS = "reminders";
    static final String FOLLOW_UP = "follow_up";
    static final String PLANNING = "planning_note";
    static final String NUDGE = "budget_nudge";
    static final String AWAY_UNTIL = "away_until";

    private static final Logger log = LoggerFactory.getLogger(MySettingsModal.class);

    private final PersonDirectory people;
    private final SlackPeople slackPeople;
    private final SlackCalls slack;
    private final AppHome home;
    private final Clock clock;

    MySettingsModal(PersonDirectory people, SlackPeople slackPeople, SlackCalls slack, @Lazy AppHome home,
                    Clock clock) {
        this.people = people;
        this.slackPeople = slackPeople;
        this.slack = slack;
        this.home = home;
        this.clock = clock;
    }

    @Override
    public void register(App app) {
        app.viewSubmission(CALLBACK, this::submit);
        app.blockAction(OPEN, this::openFromButton);
    }

    /** Opens the form ({@code push} on top of another form); false when Slack would not. */
    public boolean open(String teamId, String userId, String triggerId, boolean push) {
        try {
            // The trigger lapses after 3 s: a new person's profile is waited for briefly, an old one
            // catches up in the background.
            slackPeople.refreshBriefly(teamId, userId, SlackPeople.FORM_WAIT);
            View form = form(teamId, userId);
            if (push) {
                slack.call(teamId, "views.push", SlackCalls.Patience.NONE, c -> c.viewsPush(r -> r.triggerId(triggerId).view(form)));
            } else {
                slack.call(teamId, "views.open", SlackCalls.Patience.NONE, c -> c.viewsOpen(r -> r.triggerId(triggerId).view(form)));
            }
            return true;
        } catch (RuntimeException e) {
            log.warn("Could not open the personal settings form: {}", e.getMessage());
            return false;
        }
    }

    Response openFromButton(BlockActionRequest request, ActionContext ctx) {
        BlockActionPayload payload = request.getPayload();
        boolean inAForm = payload.getView() != null && "modal".equals(payload.getView().getType());
        open(ctx.getTeamId(), payload.getUser().getId(), payload.getTriggerId(), inAForm);
        return ctx.ack();
    }

    View form(String teamId, String userId) {
        PersonProfile profile = people.profile(teamId, userId);
        PersonalSettings settings = people.settings(teamId, userId);
        List<AwayPeriod> away = people.awayPeriods(teamId, userId);
        OptionObject[] days = Arrays.stream(DayOfWeek.values()).map(MySettingsModal::dayOption).toArray(OptionObject[]::new);
        List<OptionObject> workingDays = profile.calendar().workingDays().stream().sorted().map(MySettingsModal::dayOption).toList();
        List<OptionObject> notes = List.of(noteOption(REMINDERS, "End-of-day reminder"),
                noteOption(FOLLOW_UP, "One follow-up when I have not posted"),
                noteOption(PLANNING, "Monday planning note (last week's 70/20/10)"),
                noteOption(NUDGE, "Mid-week nudge when my 70/20/10 drifts"));
        List<OptionObject> on = new ArrayList<>();
        if (settings.reminders()) {
            on.add(notes.get(0));
        }
        if (settings.followUp()) {
            on.add(notes.get(1));
        }
        if (settings.planningNote()) {
            on.add(notes.get(2));
        }
        if (settings.budgetNudge()) {
            on.add(notes.get(3));
        }
        String zone = profile.zone().getId() + (profile.timeZoneKnown() ? " (from your Slack profile)" : " (Slack has not told me yours yet)");
        List<LayoutBlock> blocks = List.of(
                section(s -> s.blockId("about").text(markdownText("Your own settings. Time zone: *" + zone + "*."))),
                input(i -> i.blockId(TIME).label(plainText("Reminder time"))
                        .hint(plainText("In your time zone."))
                        .element(timePicker(p -> p.actionId(FormValues.VALUE)
                                .initialTime(TimeOfDay.format(settings.reminderTime()))))),
                input(i -> i.blockId(DAYS).label(plainText("Working days"))
                        .element(checkboxes(c -> c.actionId(FormValues.VALUE).options(List.of(days))
                                .initialOptions(workingDays)))),
                input(i -> i.blockId(NOTES).optional(true).label(plainText("Send me"))
                        .element(checkboxes(c -> {
                            c.actionId(FormValues.VALUE).options(notes);
                            if (!on.isEmpty()) {
                                c.initialOptions(on);
                            }
                            return c;
                        }))),
                input(i -> i.blockId(AWAY_UNTIL).optional(true).label(plainText("Away until (that day included)"))
                        .hint(plainText("No reminders or budget notes from today until then."))
                        .element(datePicker(d -> d.actionId(FormValues.VALUE)))),
                context(c -> c.elements(List.of(markdownText(away.isEmpty()
                        ? "Or `/daybook away until 2026-12-01`; `/daybook away off` when you are back."
                        : "You are away " + away.stream().map(AwayCommand::describe).collect(Collectors.joining(", and "))
                        + ". `/daybook away off` when you are back.")))));
        return view(v -> v.type("modal").callbackId(CALLBACK)
                .title(viewTitle(t -> t.type("plain_text").text("My settings")))
                .submit(viewSubmit(s -> s.type("plain_text").text("Save")))
                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                .blocks(blocks));
    }

    Response submit(ViewSubmissionRequest request, ViewSubmissionContext ctx) {
        FormValues values = FormValues.of(request.getPayload().getView());
        String teamId = ctx.getTeamId();
        String userId = request.getPayload().getUser().getId();
        LocalTime time = values.selectedTime(TIME);
        if (time == null) {
            return ctx.ackWithErrors(Map.of(TIME, "Pick the time of your reminder, like 16:30."));
        }
        Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
        for (String day : values.selectedOptions(DAYS)) {
            try {
                days.add(DayOfWeek.valueOf(day));
            } catch (IllegalArgumentException ignored) {
                // not a day we offered
            }
        }
        if (days.isEmpty()) {
            return ctx.ackWithErrors(Map.of(DAYS, "Pick at least one working day."));
        }
        LocalDate awayUntil = null;
        if (values.selectedDate(AWAY_UNTIL) != null) {
            LocalDate today = people.profile(teamId, userId).calendar().dayAt(clock.instant());
            try {
                awayUntil = LocalDate.parse(values.selectedDate(AWAY_UNTIL));
            } catch (DateTimeException e) {
                return ctx.ackWithErrors(Map.of(AWAY_UNTIL, "Pick a day from the calendar."));
            }
            AwayPeriod.Asked asked = AwayPeriod.ask(today, awayUntil, today);
            if (asked.refusal() != null) {
                return ctx.ackWithErrors(Map.of(AWAY_UNTIL, switch (asked.refusal()) {
                    case PASSED, ENDS_BEFORE_IT_STARTS -> "That day has passed. Pick today or a later day.";
                    case TOO_LONG -> "Set at most a year at a time.";
                }));
            }
        }
        List<String> notes = values.selectedOptions(NOTES);
        LocalTime defaultTime = people.defaultReminderTime();
        PersonalSettings chosen = new PersonalSettings(time, false, notes.contains(REMINDERS), notes.contains(FOLLOW_UP),
                notes.contains(PLANNING), notes.contains(NUDGE), true);
        if (time.equals(defaultTime) && people.settings(teamId, userId).reminderTimeIsDefault()) {
            chosen = chosen.withReminderTime(null, defaultTime); // keep following the default
        }
        people.saveSettings(teamId, userId, chosen, days);
        String summary = describe(chosen, days);
        if (awayUntil != null) {
            LocalDate today = people.profile(teamId, userId).calendar().dayAt(clock.instant());
            summary += " Away " + AwayCommand.describe(people.goAway(teamId, userId, today, awayUntil)) + ".";
        }
        home.publish(teamId, userId);
        String saved = summary;
        return ctx.ackWithUpdate(view(v -> v.type("modal").callbackId(CALLBACK + "_done")
                .title(viewTitle(t -> t.type("plain_text").text("My settings")))
                .close(viewClose(c -> c.type("plain_text").text("Close")))
                .blocks(List.of(section(s -> s.text(markdownText(":white_check_mark: Saved. " + saved)))))));
    }

    public static String describe(PersonalSettings settings, Set<DayOfWeek> days) {
        String when = settings.reminders()
                ? "Reminders at *" + settings.reminderTime() + "* on " + days(days)
                + (settings.followUp() ? ", with one follow-up." : ", no follow-up.")
                : "No end-of-day reminders.";
        return when + " Planning note: " + (settings.planningNote() ? "on" : "off")
                + ". Mid-week nudge: " + (settings.budgetNudge() ? "on" : "off") + ".";
    }

    static String days(Set<DayOfWeek> days) {
        if (days.equals(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY))) {
            return "Monday to Friday";
        }
        return days.stream().sorted().map(d -> d.getDisplayName(TextStyle.SHORT, Locale.ENGLISH))
                .collect(Collectors.joining(", "));
    }

    private static OptionObject dayOption(DayOfWeek day) {
        return option(plainText(day.getDisplayName(TextStyle.FULL, Locale.ENGLISH)), day.name());
    }

    private static OptionObject noteOption(String value, String label) {
        return option(plainText(label), value);
    }
}
