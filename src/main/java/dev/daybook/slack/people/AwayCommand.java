package dev.daybook.slack.people;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import org.springframework.stereotype.Component;

import dev.daybook.people.AwayPeriod;
import dev.daybook.people.DaysOff;
import dev.daybook.people.PersonDirectory;
import dev.daybook.people.WorkingCalendar;
import dev.daybook.slack.blockkit.SlackText;
import dev.daybook.slack.client.SlackPeople;
import dev.daybook.slack.transport.DaybookSubcommand;

/**
 * {@code /daybook away until 2026-12-01}, {@code /daybook away 2026-12-01 to 2026-12-05},
 * {@code /daybook away off}, and {@code /daybook away} to see what is set. Days are the person's own,
 * both ends included; no reminders or budget notes on them.
 */
@Component
public class AwayCommand implements DaybookSubcommand {

    private static final Pattern UNTIL = Pattern.compile("(?:until|till|to)\\s+(\\S+)", Pattern.CASE_INSENSITIVE);
    private static final Pattern RANGE = Pattern.compile("(?:from\\s+)?(\\S+)\\s+(?:until|till|to|-)\\s+(\\S+)",
            Pattern.CASE_INSENSITIVE);

    private final PersonDirectory people;
    private final SlackPeople slackPeople;
    private final DaysOff daysOff;
    private final Clock clock;

    AwayCommand(PersonDirectory people, SlackPeople slackPeople, DaysOff daysOff, Clock clock) {
        this.daysOff = daysOff;
        this.people = people;
        this.slackPeople = slackPeople;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "away";
    }

    @Override
    public String usage() {
        return "/daybook away until 2026-12-01";
    }

    @Override
    public String summary() {
        return "no reminders while you are away (`/daybook away off` when you are back)";
    }

    @Override
    public Response handle(Invocation invocation, SlashCommandContext ctx) {
        String teamId = invocation.teamId();
        String userId = invocation.userId();
        slackPeople.refreshIfStale(teamId, userId);
        String arguments = invocation.arguments().strip();
        String lower = arguments.toLowerCase(Locale.ROOT);
        if (lower.isEmpty()) {
            return reply(ctx, current(teamId, userId));
        }
        if (lower.equals("off") || lower.equals("back") || lower.equals("none")) {
            boolean changed = people.comeBack(teamId, userId);
            return reply(ctx, changed ? ":wave: Welcome back: reminders are on again from today."
                    : "You were not away. Reminders are on.");
        }
        WorkingCalendar calendar = people.profile(teamId, userId).calendar();
        if (lower.startsWith("feed")) {
            // An out-of-office calendar (Google, Outlook, any iCalendar feed): its events are time away.
            String feed = HolidaysCommand.unlinked(arguments.substring("feed".length()));
            if (feed.isEmpty()) {
                return reply(ctx, feedShown(teamId, userId));
            }
            DaysOff.Saved saved = daysOff.set(teamId, DaysOff.Owner.PERSON, userId, feed, calendar.zone());
            return reply(ctx, (saved.saved() ? "Your out-of-office calendar: " : "") + saved.message());
        }
        LocalDate today = calendar.dayAt(clock.instant());
        return reply(ctx, away(teamId, userId, arguments, today));
    }

    /** The reply to {@code /daybook away <arguments>}, recording the period when it makes sense. */
    String away(String teamId, String userId, String arguments, LocalDate today) {
        LocalDate first;
        LocalDate last;
        Matcher until = UNTIL.matcher(arguments);
        Matcher range = RANGE.matcher(arguments);
        try {
            if (until.matches()) {
                first = today;
                last = LocalDate.parse(until.group(1));
            } else if (range.matches()) {
                first = LocalDate.parse(range.group(1));
                last = LocalDate.parse(range.group(2));
            } else {
                return "Tell me until when, for example `/daybook away until " + today.plusDays(7)
                        + "`, or `/daybook away " + today.plusDays(7) + " to " + today.plusDays(11) + "`.";
            }
        } catch (DateTimeException e) {
            return "I could not read that date. Write dates as year-month-day, like `" + today.plusDays(7) + "`.";
        }
        AwayPeriod.Asked asked = AwayPeriod.ask(first, last, today);
        if (asked.refusal() != null) {
            return switch (asked.refusal()) {
                case PASSED -> SlackText.longDay(last) + " " + last.getYear() + " has passed already. Give me a day from today on.";
                case ENDS_BEFORE_IT_STARTS -> "The away period ends before it starts: the first day comes first.";
                case TOO_LONG -> "That is more than a year away. Set at most a year at a time.";
            };
        }
        AwayPeriod period = people.goAway(teamId, userId, asked.period().firstDay(), asked.period().lastDay());
        return ":palm_tree: You are away " + describe(period) + ": no reminders or budget notes then. "
                + "They start again on " + SlackText.longDay(period.lastDay().plusDays(1))
                + ". Back early? `/daybook away off`.";
    }

    private String current(String teamId, String userId) {
        List<AwayPeriod> periods = people.awayPeriods(teamId, userId);
        String feed = daysOff.source(teamId, DaysOff.Owner.PERSON, userId).isPresent()
                ? "\n" + feedShown(teamId, userId) : "";
        if (periods.isEmpty()) {
            return "You are not away. `/daybook away until 2026-12-01` pauses reminders until then (that day included)."
                    + feed;
        }
        return "You are away " + periods.stream().map(AwayCommand::describe).collect(Collectors.joining(", and "))
                + ". `/daybook away off` ends it." + feed;
    }

    private String feedShown(String teamId, String userId) {
        return daysOff.source(teamId, DaysOff.Owner.PERSON, userId)
                .map(s -> "Your out-of-office calendar: " + SlackText.escape(DaysOff.describe(s)) + "."
                        + (s.problem() == null ? "" : "\n:warning: The latest read failed: " + SlackText.escape(s.problem())
                                + ". I use the days I last read until it works again."))
                .orElse("No out-of-office calendar is set. `/daybook away feed https://…/calendar.ics` adds one; "
                        + "its events are time away.");
    }

    public static String describe(AwayPeriod period) {
        return period.firstDay().equals(period.lastDay()) ? "on " + SlackText.longDay(period.firstDay())
                : "from " + SlackText.longDay(period.firstDay()) + " to " + SlackText.longDay(period.lastDay());
    }

    private static Response reply(SlashCommandContext ctx, String text) {
        return ctx.ack(r -> r.responseType("ephemeral").text(text));
    }
}
