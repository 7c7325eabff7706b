package dev.daybook.slack.runs;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;
import org.springframework.stereotype.Component;

import dev.daybook.projects.Project;
import dev.daybook.projects.ProjectDirectory;
import dev.daybook.runs.RunService;
import dev.daybook.runs.RunView;
import dev.daybook.slack.blockkit.SlackLimits;
import dev.daybook.slack.blockkit.SlackText;
import dev.daybook.slack.status.StatusAnswers;
import dev.daybook.slack.transport.DaybookSubcommand;

/**
 * {@code /daybook runs [project]}: a project's recent runs with their metrics and whether they were
 * verified, with the Verify and Dispute buttons that still apply to each. A private channel's runs are
 * shown only to its members, as its status is.
 */
@Component
class RunsCommand implements DaybookSubcommand {

    static final int SHOWN = 15;

    private final RunService runs;
    private final ProjectDirectory projects;
    private final StatusAnswers sight;

    RunsCommand(RunService runs, ProjectDirectory projects, StatusAnswers sight) {
        this.runs = runs;
        this.projects = projects;
        this.sight = sight;
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
                return reply(ctx, "I know no project called " + SlackText.code(SlackLimits.cut(bare, 80))
                        + ". A project is a channel where updates are posted.");
            }
            project = Optional.of(found.get(0));
        }
        String refusal = sight.refusal(project.get(), invocation.userId());
        if (refusal != null) {
            return reply(ctx, refusal);
        }
        String channel = "#" + SlackText.escape(project.get().name());
        List<RunView> recent = runs.recent(invocation.teamId(), project.get().id(), SHOWN);
        if (recent.isEmpty()) {
            return reply(ctx, "No runs in " + channel + " yet. Name one in an update (`run:<id>`, `mlflow:<id>` "
                    + "or a run link) or register it from your training script.");
        }
        List<LayoutBlock> blocks = new ArrayList<>();
        StringBuilder text = new StringBuilder("*Recent runs in " + channel + "*");
        blocks.add(section(s -> s.text(markdownText("*Recent runs in " + channel + "*"))));
        for (RunView run : recent) {
            String line = "• " + RunText.line(run);
            text.append('\n').append(line);
            blocks.add(section(s -> s.text(markdownText(SlackLimits.cut(line, SlackLimits.SECTION_TEXT)))));
            List<BlockElement> buttons = RunChecks.buttons(run);
            if (!buttons.isEmpty()) {
                blocks.add(actions(a -> a.blockId("run_" + run.id()).elements(buttons)));
            }
        }
        return ctx.ack(r -> r.responseType("ephemeral").text(SlackLimits.cut(text.toString(), SlackLimits.MESSAGE_TEXT))
                .blocks(blocks));
    }

    private static Response reply(SlashCommandContext ctx, String text) {
        return ctx.ack(r -> r.responseType("ephemeral").text(text));
    }
}
