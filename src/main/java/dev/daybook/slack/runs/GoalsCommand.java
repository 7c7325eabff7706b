package dev.daybook.slack.runs;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.block.LayoutBlock;
import org.springframework.stereotype.Component;

import dev.daybook.goals.GoalProgress;
import dev.daybook.goals.GoalService;
import dev.daybook.goals.GoalView;
import dev.daybook.projects.Project;
import dev.daybook.projects.ProjectDirectory;
import dev.daybook.slack.blockkit.SlackText;
import dev.daybook.slack.transport.DaybookSubcommand;

/** {@code /daybook goals [add]}: the channel's client goals with their progress; add or edit one in a form. */
@Component
class GoalsCommand implements DaybookSubcommand {

    private final GoalService goals;
    private final ProjectDirectory projects;
    private final GoalModal modal;
    private final Clock clock;

    GoalsCommand(GoalService goals, ProjectDirectory projects, GoalModal modal, Clock clock) {
        this.goals = goals;
        this.projects = projects;
        this.modal = modal;
        this.clock = clock;
    }

    @Override
    public String name() {
        return "goals";
    }

    @Override
    public String usage() {
        return "/daybook goals [add]";
    }

    @Override
    public String summary() {
        return "the client's goals for this channel's project, with progress from verified runs; `add` adds one";
    }

    @Override
    public Response handle(Invocation invocation, SlashCommandContext ctx) {
        Optional<Project> project = projects.byChannel(invocation.teamId(), invocation.channelId());
        if (project.isEmpty()) {
            return reply(ctx, "This channel is not a project yet: goals belong to a project, and a channel becomes one with its first update.");
        }
        String arguments = invocation.arguments().strip().toLowerCase(Locale.ROOT);
        if (arguments.equals("add")) {
            if (!modal.open(invocation.teamId(), project.get(), null, invocation.triggerId())) {
                return reply(ctx, "Slack would not open the form just now; please try again.");
            }
            return ctx.ack();
        }
        if (!arguments.isEmpty()) {
            return reply(ctx, "`/daybook goals` lists the goals; `/daybook goals add` adds one.");
        }
        List<GoalProgress> progress = goals.progress(invocation.teamId(), project.get().id(), clock.instant());
        List<LayoutBlock> blocks = new ArrayList<>();
        StringBuilder text = new StringBuilder("Goals of #" + project.get().name());
        blocks.add(section(s -> s.text(markdownText("*Goals of #" + SlackText.escape(project.get().name()) + "*"
                + (progress.isEmpty() ? "\nNo goals yet. Add what the client was promised, with a metric target where there is one." : "")))));
        for (GoalProgress p : progress) {
            String line = line(p);
            text.append("\n").append(line);
            blocks.add(section(s -> s.text(markdownText(line))
                    .accessory(button(b -> b.actionId(GoalModal.EDIT).text(plainText("Edit"))
                            .value(project.get().id() + ":" + p.goal().id())))));
        }
        blocks.add(actions(a -> a.elements(List.of(button(b -> b.actionId(GoalModal.ADD).text(plainText("Add a goal"))
                .style("primary").value(Long.toString(project.get().id())))))));
        return ctx.ack(r -> r.responseType("ephemeral").text(text.toString()).blocks(blocks));
    }

    static String line(GoalProgress p) {
        GoalView g = p.goal();
        StringBuilder line = new StringBuilder("*#" + g.slug() + "* " + SlackText.escape(g.statement()));
        if (g.client() != null) {
            line.append(" (").append(SlackText.escape(g.client())).append(")");
        }
        line.append("\n");
        if (g.target() != null) {
            line.append("target `").append(g.target()).append("` · ");
            if (p.current() == null) {
                line.append("no verified run yet");
            } else {
                line.append(p.met() ? ":white_check_mark: " : "").append("best verified ").append(RunText.number(p.current()));
                if (p.change() != null && p.change() != 0) {
                    line.append(" (").append(p.change() > 0 ? "+" : "").append(RunText.number(p.change())).append(" this week)");
                }
            }
            line.append(" · ");
        }
        line.append(g.status().label());
        if (g.due() != null) {
            line.append(" · due ").append(SlackText.day(g.due()));
        }
        return line.toString();
    }

    private static Response reply(SlashCommandContext ctx, String text) {
        return ctx.ack(r -> r.responseType("ephemeral").text(text));
    }
}
