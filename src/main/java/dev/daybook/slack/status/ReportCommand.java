package dev.daybook.slack.status;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.block.LayoutBlock;
import org.springframework.stereotype.Component;

import dev.daybook.updates.Hours;
import dev.daybook.people.PersonDirectory;
import dev.daybook.people.WorkingCalendar;
import dev.daybook.projects.Project;
import dev.daybook.projects.ProjectDirectory;
import dev.daybook.slack.blockkit.SlackText;
import dev.daybook.slack.transport.DaybookSubcommand;
import dev.daybook.status.PersonMatcher;
import dev.daybook.status.Report;
import dev.daybook.status.ReportService;

/**
 * {@code /daybook report [@person] [from] [to]}: per person, what they wrote day by day, with tagged
 * hours summed; the channel's project in a project channel, every project the asker may see elsewhere.
 */
@Component
class ReportCommand implements DaybookSubcommand {

    private static final int MAX_LINES = 400;

    private final ReportService reports;
    private final ProjectDirectory projects;
    private final StatusAnswers visibility;
    private final PersonDirectory people;
    private final Clock clock;

    ReportCommand(ReportService reports, ProjectDirectory projects, StatusAnswers visibility, PersonDirectory people,
                  Clock clock) {
        this.reports = reports;
        this.projects = projects;
        this.visibility = visibility;
        this.people = people;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "report";
    }

    @Override
    public String usage() {
        return "/daybook report [@person] [from] [to]";
    }

    @Override
    public String summary() {
        return "what each person wrote between two days (default: this week), with tagged hours; "
                + "dates like 2026-11-02, or `last week`";
    }

    /** What the arguments ask for, or why they cannot be read. */
    record Asked(String userId, LocalDate from, LocalDate to, String problem) {
    }

    static Asked read(String arguments, LocalDate today, String askerId) {
        String userId = null;
        List<LocalDate> dates = new ArrayList<>();
        String rest = arguments.strip().replaceAll("\\s+", " ");
        String lower = rest.toLowerCase(Locale.ROOT);
        WorkingCalendar.Days week = WorkingCalendar.thisWeek(today);
        if (lower.endsWith("last week")) {
            week = WorkingCalendar.lastWeek(today);
            rest = rest.substring(0, rest.length() - "last week".length()).strip();
        } else if (lower.endsWith("this week")) {
            rest = rest.substring(0, rest.length() - "this week".length()).strip();
        }
        LocalDate from = week.from();
        LocalDate to = week.to();
        for (String word : rest.isEmpty() ? new String[0] : rest.split(" ")) {
            String mentioned = PersonMatcher.mentioned(word);
            if (mentioned != null && userId == null) {
                userId = mentioned;
            } else if (word.equalsIgnoreCase("me") && userId == null) {
                userId = askerId;
            } else {
                try {
                    dates.add(LocalDate.parse(word));
                } catch (DateTimeParseException e) {
                    return new Asked(null, null, null, "I couldn't read `" + SlackText.escape(cut(word))
                            + "`. Use `/daybook report [@person] [from] [to]` with dates like "
                            + WorkingCalendar.weekOf(today) + ", or `last week`.");
                }
            }
        }
        if (dates.size() > 2) {
            return new Asked(null, null, null, "Give at most two dates: from and to.");
        }
        if (!dates.isEmpty()) {
            from = dates.get(0);
            to = dates.size() > 1 ? dates.get(1) : today;
        }
        if (from.isAfter(to)) {
            return new Asked(null, null, null, "The first date (" + from + ") is after the second (" + to + ").");
        }
        if (java.time.temporal.ChronoUnit.DAYS.between(from, to) >= ReportService.MAX_DAYS) {
            return new Asked(null, null, null, "A report covers at most " + ReportService.MAX_DAYS + " days.");
        }
        return new Asked(userId, from, to, null);
    }

    @Override
    public Response handle(Invocation invocation, SlashCommandContext ctx) {
        LocalDate today = people.profile(invocation.teamId(), invocation.userId()).calendar().dayAt(clock.instant());
        Asked asked = read(invocation.arguments(), today, invocation.userId());
        if (asked.problem() != null) {
            return reply(ctx, asked.problem());
        }
        Optional<Project> here = projects.byChannel(invocation.teamId(), invocation.channelId());
        if (here.isPresent()) {
            String refusal = visibility.refusal(here.get(), invocation.userId());
            if (refusal != null) {
                return reply(ctx, refusal);
            }
        }
        Report report = reports.report(invocation.teamId(), here.map(Project::id).orElse(null), asked.userId(),
                asked.from(), asked.to());
        Map<Long, Boolean> seen = new HashMap<>();
        Report visible = here.isPresent() ? report : report.onlyProjects(id -> seen.computeIfAbsent(id,
                p -> projects.byId(p).map(found -> visibility.refusal(found, invocation.userId()) == null).orElse(false)));
        String title = "Report " + SlackText.day(visible.from()) + " – " + SlackText.day(visible.to())
                + here.map(p -> " in #" + p.name()).orElse("");
        if (visible.people().isEmpty()) {
            return reply(ctx, title + ": no updates" + (asked.userId() == null ? "." : " from that person."));
        }
        List<String> lines = new ArrayList<>();
        lines.add("*" + title + "*");
        for (Report.PersonReport person : visible.people()) {
            lines.add("");
            lines.add("*" + StatusBlocks.name(person.name()) + "* · " + person.days().size()
                    + (person.days().size() == 1 ? " update" : " updates")
                    + (person.hours() > 0 ? " · " + Hours.tag(person.hours()) + " tagged" : ""));
            for (Report.Day day : person.days()) {
                lines.add("_" + SlackText.day(day.day()) + (here.isPresent() ? "" : " · #" + day.projectName()) + "_");
                day.done().forEach(i -> lines.add("• " + SlackText.quiet(i.text())
                        + (i.hours() == null ? "" : " `" + Hours.tag(i.hours()) + "`")));
                if (day.done().isEmpty()) {
                    day.next().forEach(i -> lines.add("• next: " + SlackText.quiet(i.text())));
                }
            }
        }
        List<String> shown = lines.size() > MAX_LINES ? new ArrayList<>(lines.subList(0, MAX_LINES)) : lines;
        if (lines.size() > MAX_LINES) {
            shown.add("_…cut here; ask for fewer days, or export with_ `GET /api/v1/updates?user=`");
        }
        List<LayoutBlock> blocks = new ArrayList<>();
        SlackText.chunks(shown, SlackText.SECTION_LIMIT).stream().limit(45)
                .forEach(chunk -> blocks.add(section(s -> s.text(markdownText(chunk)))));
        return ctx.ack(r -> r.responseType("ephemeral").text(title).blocks(blocks));
    }

    private static String cut(String word) {
        return word.length() > 40 ? word.substring(0, 40) + "…" : word;
    }

    private static Response reply(SlashCommandContext ctx, String text) {
        return ctx.ack(r -> r.responseType("ephemeral").text(text));
    }
}
