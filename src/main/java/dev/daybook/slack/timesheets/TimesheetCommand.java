package dev.daybook.slack.timesheets;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.response.conversations.ConversationsOpenResponse;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.support.TransactionTemplate;

import dev.daybook.updates.Hours;
import dev.daybook.projects.Category;
import dev.daybook.projects.Project;
import dev.daybook.projects.ProjectDirectory;
import dev.daybook.projects.ProjectLeads;
import dev.daybook.slack.TimesheetRequested;
import dev.daybook.slack.blockkit.SlackText;
import dev.daybook.slack.client.SlackCalls;
import dev.daybook.slack.settings.Leadership;
import dev.daybook.slack.transport.DaybookSubcommand;
import dev.daybook.status.ProjectMatcher;
import dev.daybook.timesheets.ClientSplit;
import dev.daybook.timesheets.Timesheet;
import dev.daybook.timesheets.TimesheetCsv;
import dev.daybook.timesheets.TimesheetRange;
import dev.daybook.timesheets.Timesheets;

/**
 * {@code /daybook timesheet <from> <to> [project or client]}: for a lead, the hours of the projects
 * they lead as a CSV file in a direct message from the bot, with each client's 70/20/10 split. In a
 * project's channel it is that project's; elsewhere every project they lead, or those named.
 */
@Component
class TimesheetCommand implements DaybookSubcommand {

    private static final int MAX_NAMED = 200;

    private final ProjectDirectory projects;
    private final ProjectLeads leads;
    private final Leadership leadership;
    private final Timesheets timesheets;
    private final SlackCalls slack;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;

    TimesheetCommand(ProjectDirectory projects, ProjectLeads leads, Leadership leadership, Timesheets timesheets,
                     SlackCalls slack, ApplicationEventPublisher events, PlatformTransactionManager transactions) {
        this.projects = projects;
        this.leads = leads;
        this.leadership = leadership;
        this.timesheets = timesheets;
        this.slack = slack;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    public String name() {
        return "timesheet";
    }

    @Override
    public String usage() {
        return "/daybook timesheet <from> <to> [project or client]";
    }

    @Override
    public String summary() {
        return "for leads: the hours written in updates, as a CSV file for invoices";
    }

    @Override
    public Response handle(Invocation invocation, SlashCommandContext ctx) {
        String[] words = invocation.arguments() == null ? new String[0] : invocation.arguments().strip().split("\\s+", 3);
        if (words.length < 2 || words[0].isBlank()) {
            return ctx.ack("Say which days, like `/daybook timesheet 2026-11-01 2026-11-30`, and optionally a project "
                    + "or client: `/daybook timesheet 2026-11-01 2026-11-30 acme`.");
        }
        TimesheetRange.Read read = TimesheetRange.read(words[0], words[1]);
        if (read.range().isEmpty()) {
            return ctx.ack(SlackText.escape(read.problem()));
        }
        TimesheetRange range = read.range().get();
        String named = words.length > 2 ? words[2].strip() : "";
        if (named.length() > MAX_NAMED) {
            return ctx.ack("That project or client name is too long; name one as its channel, like `#acme-churn`.");
        }
        List<Project> candidates;
        if (!named.isEmpty()) {
            candidates = ProjectMatcher.match(named, projects.all(invocation.teamId()));
            if (candidates.isEmpty()) {
                return ctx.ack("I don't know a project or client called \"" + SlackText.escape(shortened(named))
                        + "\". Name a project's channel, like `#acme-churn`, or its client.");
            }
        } else {
            candidates = projects.byChannel(invocation.teamId(), invocation.channelId()).map(List::of)
                    .orElseGet(() -> projects.all(invocation.teamId()));
            if (candidates.isEmpty()) {
                return ctx.ack("There are no projects in this workspace yet, so there are no hours to show.");
            }
        }
        boolean admin = leadership.isWorkspaceAdmin(invocation.teamId(), invocation.userId());
        List<Project> led = admin ? candidates : candidates.stream()
                .filter(p -> leads.isLead(p.teamId(), p.id(), invocation.userId())).toList();
        if (led.isEmpty()) {
            return ctx.ack(candidates.size() == 1
                    ? leadership.refusal(candidates.get(0), "get its timesheet")
                    : ":lock: Timesheets are for project leads, and you lead none of these projects. "
                            + "Ask a lead, or a workspace admin.");
        }
        transaction.executeWithoutResult(s -> events.publishEvent(new TimesheetRequested(invocation.teamId(),
                invocation.userId(), range.from(), range.to(), led.stream().map(Project::id).toList())));
        return ctx.ack("I'm sending the timesheet of " + names(led) + " from " + range.from() + " to " + range.to()
                + " as a CSV file in a direct message from me.");
    }

    @ApplicationModuleListener(id = "slack.timesheet", propagation = Propagation.NOT_SUPPORTED)
    void on(TimesheetRequested request) {
        List<Project> covered = request.projectIds().stream().flatMap(id -> projects.byId(id).stream())
                .filter(p -> p.teamId().equals(request.teamId())).toList();
        if (covered.isEmpty()) {
            return;
        }
        Timesheet timesheet = timesheets.of(request.teamId(), covered,
                new TimesheetRange(request.from(), request.to()), null, null);
        ConversationsOpenResponse dm = slack.call(request.teamId(), "conversations.open", SlackCalls.Patience.WAIT,
                c -> c.conversationsOpen(r -> r.users(List.of(request.userId()))));
        byte[] csv = TimesheetCsv.of(timesheet).getBytes(StandardCharsets.UTF_8);
        slack.call(request.teamId(), "files.uploadV2", SlackCalls.Patience.WAIT, c -> c.filesUploadV2(r -> r
                .channel(dm.getChannel().getId())
                .filename("daybook-timesheet-" + request.from() + "-" + request.to() + ".csv")
                .title("Timesheet " + request.from() + " to " + request.to())
                .fileData(csv)
                .initialComment(comment(timesheet))));
    }

    /** The message with the file: the total, and each client's split of the written hours. */
    static String comment(Timesheet timesheet) {
        StringBuilder text = new StringBuilder("Timesheet of ").append(String.join(", ", timesheet.projects().stream()
                        .map(n -> "#" + n).toList()))
                .append(", ").append(timesheet.from()).append(" to ").append(timesheet.to()).append(": ")
                .append(Hours.number(timesheet.totalHours())).append(" h written.");
        for (ClientSplit client : timesheet.clients()) {
            text.append("\n• ").append(client.client() == null ? "No client" : client.client()).append(": ");
            if (client.totalHours() <= 0) {
                text.append("no hours written");
            } else {
                text.append(Hours.number(client.totalHours())).append(" h, ");
                text.append(java.util.Arrays.stream(Category.values())
                        .map(c -> client.percents().get(c) + "% " + c.label()).collect(Collectors.joining(" / ")));
                text.append(" (target ").append(client.target()).append(")");
            }
            if (client.updatesWithoutHours() > 0) {
                text.append("; ").append(client.updatesWithoutHours())
                        .append(client.updatesWithoutHours() == 1 ? " update" : " updates").append(" without hours");
            }
        }
        return SlackText.escape(text.toString());
    }

    private static String names(List<Project> projects) {
        String listed = projects.stream().limit(5).map(p -> "*#" + SlackText.escape(p.name()) + "*")
                .collect(Collectors.joining(", "));
        return projects.size() > 5 ? listed + " and " + (projects.size() - 5) + " more" : listed;
    }

    private static String shortened(String text) {
        return text.length() > 60 ? text.substring(0, 60) + "…" : text;
    }
}
