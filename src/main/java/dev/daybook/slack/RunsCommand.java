package dev.daybook.slack;

import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import org.springframework.stereotype.Component;

import dev.daybook.projects.Project;
import dev.daybook.projects.ProjectDirectory;
import dev.daybook.runs.RunService;
import dev.daybook.runs.RunView;

/** {@code /daybook runs [project]}: a project's recent runs with their metrics and whether they were verified. */
@Component
class RunsCommand implements DaybookSubcommand {

    static final int SHOWN = 15;

    private final RunService runs;
    private final ProjectDirectory projects;

    RunsCommand(RunService runs, ProjectDirectory projects) {
        this.runs = runs;
        this.projects = projects;
    }

    @Override
    public String name() {
        return "runs";
    }

    @Override
    public String usage() {
        return "/daybook runs [project]";
    }

    @Override
    public String summary() {
        return "recent experiment runs with their metrics and who verified them";
    }

    @Override
    public Response handle(Invocation invocation, SlashCommandContext ctx) {
        String named = invocation.arguments().strip();
        Optional<Project> project;
        if (named.isEmpty()) {
            project = projects.byChannel(invocation.teamId(), invocation.channelId());
            if (project.isEmpty()) {
                return reply(ctx, "This channel is not a project. Name one: `/daybook runs acme-invoices`.");
            }
        } else {
            String bare = named.replaceFirst("^<#[A-Z0-9]+\\|([^>]*)>$", "$1");
            List<Project> found = bare.length() > 255 ? List.of() : projects.byName(invocation.teamId(), bare);
            if (found.isEmpty()) {
                return reply(ctx, "I know no project called `" + SlackText.escape(bare.length() > 80 ? bare.substring(0, 80) + "…" : bare)
                        + "`. A project is a channel where updates are posted.");
            }
            project = Optional.of(found.get(0));
        }
        List<RunView> recent = runs.recent(invocation.teamId(), project.get().id(), SHOWN);
        if (recent.isEmpty()) {
            return reply(ctx, "No runs in #" + project.get().name() + " yet. Name one in an update (`run:<id>`, `mlflow:<id>` "
                    + "or a run link) or register it from your training script.");
        }
        return reply(ctx, "*Recent runs in #" + SlackText.escape(project.get().name()) + "*\n"
                + recent.stream().map(r -> "• " + RunText.line(r)).collect(Collectors.joining("\n")));
    }

    private static Response reply(SlashCommandContext ctx, String text) {
        return ctx.ack(r -> r.responseType("ephemeral").text(text));
    }
}
