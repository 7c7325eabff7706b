package dev.daybook.slack.people;

import java.util.Locale;
import java.util.Optional;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import org.springframework.stereotype.Component;

import dev.daybook.people.DaysOff;
import dev.daybook.people.PersonDirectory;
import dev.daybook.projects.Project;
import dev.daybook.projects.ProjectDirectory;
import dev.daybook.slack.blockkit.SlackText;
import dev.daybook.slack.client.SlackChannels;
import dev.daybook.slack.settings.Leadership;
import dev.daybook.slack.transport.DaybookSubcommand;

/**
 * {@code /daybook holidays}: the public holidays of this channel's project (or, with {@code workspace},
 * of the whole workspace): an iCalendar address, days listed, or {@code off}. Holidays are not working
 * days: no reminders, no late filing into them, nobody quiet for them. Everyone may read them; the
 * workspace's are changed only by its admins and owners (they change everyone's reminders), a project's
 * only by its leads ({@link Leadership}).
 */
@Component
class HolidaysCommand implements DaybookSubcommand {

    private final DaysOff daysOff;
    private final ProjectDirectory projects;
    private final PersonDirectory people;
    private final Leadership leadership;

    HolidaysCommand(DaysOff daysOff, ProjectDirectory projects, PersonDirectory people, Leadership leadership) {
        this.daysOff = daysOff;
        this.projects = projects;
        this.people = people;
        this.leadership = leadership;
    }

    @Override
    public String name() {
        return "holidays";
    }

    @Override
    public String usage() {
        return "/daybook holidays [workspace] <https://…/holidays.ics | 2027-12-25, 2027-12-26 | off>";
    }

    @Override
    public String summary() {
        return "public holidays of this project (its leads set them) or the workspace (its admins): "
                + "no reminders, late filing or quiet count on them";
    }

    @Override
    public Response handle(Invocation invocation, SlashCommandContext ctx) {
        String teamId = invocation.teamId();
        String arguments = invocation.arguments().strip();
        // "workspace" only as a word of its own: "workspaces" or "workspace-off" is not the workspace.
        String[] words = arguments.split("\\s+", 2);
        boolean workspace = words[0].toLowerCase(Locale.ROOT).equals("workspace");
        if (workspace) {
            arguments = words.length > 1 ? words[1].strip() : "";
        }
        Optional<Project> project = workspace || SlackChannels.isDirectMessage(invocation.channelId()) ? Optional.empty()
                : projects.byChannel(teamId, invocation.channelId());
        if (!workspace && project.isEmpty()) {
            return reply(ctx, "This channel is not a project yet. Use `/daybook holidays workspace …` for the whole "
                    + "workspace, or run this in a project's channel once it has an update.");
        }
        DaysOff.Owner owner = workspace ? DaysOff.Owner.WORKSPACE : DaysOff.Owner.PROJECT;
        String ownerId = workspace ? "" : Long.toString(project.get().id());
        String whose = workspace ? "this workspace" : "#" + project.get().name();
        if (arguments.isEmpty()) {
            return reply(ctx, shown(teamId, owner, ownerId, whose));
        }
        if (workspace && !leadership.isWorkspaceAdmin(teamId, invocation.userId())) {
            return reply(ctx, ":lock: Only the workspace's admins and owners can change its public holidays, since they "
                    + "change everyone's reminders; nothing was changed. Ask one of them (Slack lists them in the workspace's "
                    + "member list), or set a project's own holidays with `/daybook holidays …` in its channel, if you lead it. "
                    + "`/daybook holidays workspace` shows what is set.");
        }
        if (!workspace && !leadership.mayLead(project.get(), invocation.userId())) {
            return reply(ctx, leadership.refusal(project.get(), "change its public holidays") + " Nothing was changed; "
                    + "`/daybook holidays` shows what is set.");
        }
        DaysOff.Saved saved = daysOff.set(teamId, owner, ownerId, unlinked(arguments), people.defaultZone());
        return reply(ctx, (saved.saved() ? "Public holidays of " + whose + ": " : "") + saved.message());
    }

    private String shown(String teamId, DaysOff.Owner owner, String ownerId, String whose) {
        Optional<DaysOff.Source> source = daysOff.source(teamId, owner, ownerId);
        if (source.isEmpty()) {
            return "No public holidays are set for " + whose + ". " + "`" + usage() + "` sets them.";
        }
        return "Public holidays of " + whose + ": " + SlackText.escape(DaysOff.describe(source.get())) + "."
                + (source.get().problem() == null ? ""
                        : "\n:warning: The latest read failed: " + SlackText.escape(source.get().problem())
                                + ". I use the days I last read until it works again.");
    }

    /** Slack may send an address as {@code <https://…>} or {@code <https://…|label>}: the address itself. */
    static String unlinked(String text) {
        String t = text.strip();
        if (t.startsWith("<") && t.endsWith(">")) {
            t = t.substring(1, t.length() - 1);
            int bar = t.indexOf('|');
            return bar >= 0 ? t.substring(0, bar) : t;
        }
        return t;
    }

    private static Response reply(SlashCommandContext ctx, String text) {
        return ctx.ack(r -> r.responseType("ephemeral").text(text));
    }
}
