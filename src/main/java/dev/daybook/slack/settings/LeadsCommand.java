package dev.daybook.slack.settings;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.daybook.projects.Project;
import dev.daybook.projects.ProjectDirectory;
import dev.daybook.projects.ProjectLeads;
import dev.daybook.slack.blockkit.SlackText;
import dev.daybook.slack.transport.DaybookSubcommand;
import dev.daybook.status.PersonMatcher;

/**
 * {@code /daybook leads [list|add @person|remove @person]}: who leads the channel's project. Anyone may
 * see the list; only a lead (or a workspace admin or owner) names or removes one.
 */
@Component
class LeadsCommand implements DaybookSubcommand {

    /** More mentions than this in one command are a script, not a person. */
    static final int MOST_AT_ONCE = 10;
    private static final Logger log = LoggerFactory.getLogger(LeadsCommand.class);
    private static final String USAGE = "`/daybook leads` lists this project's leads; `/daybook leads add @person` "
            + "names a lead, `/daybook leads remove @person` stops someone leading (leads and workspace admins only).";

    private final ProjectDirectory projects;
    private final ProjectLeads leads;
    private final Leadership leadership;

    LeadsCommand(ProjectDirectory projects, ProjectLeads leads, Leadership leadership) {
        this.projects = projects;
        this.leads = leads;
        this.leadership = leadership;
    }

    @Override
    public String name() {
        return "leads";
    }

    @Override
    public String usage() {
        return "/daybook leads [add|remove @person]";
    }

    @Override
    public String summary() {
        return "who leads this project (settings, summaries, links and API tokens are theirs to change); name or remove a lead";
    }

    @Override
    public Response handle(Invocation invocation, SlashCommandContext ctx) {
        Optional<Project> found = projects.byChannel(invocation.teamId(), invocation.channelId());
        if (found.isEmpty()) {
            return reply(ctx, "This channel is not a project yet: the first update posted here makes it one, "
                    + "and whoever posts it leads it. Run this in the project's channel.");
        }
        Project project = found.get();
        String[] words = invocation.arguments().strip().split("\\s+", 2);
        String action = words[0].toLowerCase(Locale.ROOT);
        String rest = words.length > 1 ? words[1].strip() : "";
        Answer answer = switch (action) {
            case "", "list" -> list(project);
            case "add" -> change(project, invocation, rest, true);
            case "remove" -> change(project, invocation, rest, false);
            default -> c -> reply(c, "I don't know `leads " + SlackText.escape(shorten(action)) + "`. " + USAGE);
        };
        return answer.apply(ctx);
    }

    private Answer list(Project project) {
        List<ProjectLeads.Lead> current = leads.of(project.teamId(), project.id());
        String name = "*#" + SlackText.escape(project.name()) + "*";
        if (current.isEmpty()) {
            return ctx -> reply(ctx, name + " has no lead yet: a workspace admin or owner can name one with "
                    + "`/daybook leads add @person`. Workspace admins and owners lead every project.");
        }
        List<String> lines = new ArrayList<>();
        for (ProjectLeads.Lead lead : current) {
            lines.add("• <@" + lead.userId() + ">" + (lead.createdTheProject() ? " (created the project)"
                    : " (named by <@" + lead.namedBy() + ">)"));
        }
        return ctx -> reply(ctx, "Leads of " + name + ", who change its settings, post its summary, revoke its links and "
                + "manage its API tokens:\n" + String.join("\n", lines) + "\nWorkspace admins and owners can too. " + USAGE);
    }

    private Answer change(Project project, Invocation invocation, String rest, boolean adding) {
        if (!leadership.mayLead(project, invocation.userId())) {
            return ctx -> reply(ctx, leadership.refusal(project, adding ? "name its leads" : "remove its leads"));
        }
        Set<String> people = new LinkedHashSet<>();
        String[] mentions = rest.isEmpty() ? new String[0] : rest.split("\\s+");
        if (mentions.length == 0) {
            return ctx -> reply(ctx, "Say who: `/daybook leads " + (adding ? "add" : "remove") + " @person` "
                    + "(pick the name from Slack's list, so that it becomes a mention).");
        }
        if (mentions.length > MOST_AT_ONCE) {
            return ctx -> reply(ctx, "That is more than " + MOST_AT_ONCE + " people at once; nothing was changed. "
                    + "Name them in a few commands.");
        }
        for (String mention : mentions) {
            String userId = PersonMatcher.mentioned(mention);
            if (userId == null) {
                return ctx -> reply(ctx, "`" + SlackText.escape(shorten(mention)) + "` is not a mention of a person; "
                        + "nothing was changed. Write `@` and pick the name from Slack's list.");
            }
            people.add(userId);
        }
        if (adding) {
            // A lead must be someone: an id Slack does not know (forged, a bot, deactivated) is not stored.
            for (String userId : people) {
                Optional<Boolean> person = leadership.isPerson(project.teamId(), userId);
                if (person.isEmpty()) {
                    return ctx -> reply(ctx, "Slack did not let me check who <@" + userId + "> is just now; nothing was changed. "
                            + "Please try again in a moment.");
                }
                if (!person.get()) {
                    return ctx -> reply(ctx, "Slack knows no person `" + SlackText.escape(userId) + "` in this workspace "
                            + "(or it is a bot, or deactivated); nothing was changed.");
                }
            }
        }
        List<String> said = new ArrayList<>();
        for (String userId : people) {
            if (adding) {
                said.add(switch (leads.add(project.teamId(), project.id(), userId, invocation.userId())) {
                    case ADDED -> "<@" + userId + "> now leads the project.";
                    case ALREADY_A_LEAD -> "<@" + userId + "> leads it already.";
                    case TOO_MANY -> "<@" + userId + "> was not added: a project has at most " + ProjectLeads.MOST_LEADS + " leads.";
                });
            } else {
                said.add(switch (leads.remove(project.teamId(), project.id(), userId)) {
                    case REMOVED -> "<@" + userId + "> no longer leads the project; the API tokens they created for it are revoked.";
                    case NOT_A_LEAD -> "<@" + userId + "> does not lead it"
                            + (leadership.isWorkspaceAdmin(project.teamId(), userId)
                                    ? " as a named lead (workspace admins and owners lead every project, as Slack says)." : ".");
                    case LAST_LEAD -> "<@" + userId + "> is the project's last lead and stays one: name another lead first.";
                });
            }
        }
        log.info("Leads: {} {} {} people for project {}.", invocation.userId(), adding ? "named" : "removed", people.size(), project.id());
        return ctx -> reply(ctx, "*#" + SlackText.escape(project.name()) + "*: " + String.join(" ", said));
    }

    private static String shorten(String word) {
        return word.length() <= 40 ? word : word.substring(0, 39) + "…";
    }

    private interface Answer {
        Response apply(SlashCommandContext ctx);
    }

    private static Response reply(SlashCommandContext ctx, String text) {
        return ctx.ack(r -> r.responseType("ephemeral").text(text));
    }
}
