package dev.daybook.slack.canvas;

import java.util.Optional;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.daybook.canvas.Canvases;
import dev.daybook.projects.Project;
import dev.daybook.projects.ProjectDirectory;
import dev.daybook.slack.CanvasRebuildRequested;
import dev.daybook.slack.blockkit.SlackText;
import dev.daybook.slack.transport.DaybookSubcommand;

/**
 * {@code /daybook canvas}, in a project channel: rebuilds the channel's "Project status" canvas now.
 * The rebuild is handed to the outbox with the request's answer, so Slack gets its answer at once.
 */
@Component
class CanvasCommand implements DaybookSubcommand {

    private final ProjectDirectory projects;
    private final Canvases canvases;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;

    CanvasCommand(ProjectDirectory projects, Canvases canvases, ApplicationEventPublisher events,
                  PlatformTransactionManager transactions) {
        this.projects = projects;
        this.canvases = canvases;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
    }

    @Override
    public String name() {
        return "canvas";
    }

    @Override
    public String usage() {
        return "/daybook canvas";
    }

    @Override
    public String summary() {
        return "rebuild this project channel's Project status canvas now";
    }

    @Override
    public Response handle(Invocation invocation, SlashCommandContext ctx) {
        if (!invocation.arguments().isBlank()) {
            return ctx.ack(r -> r.responseType("ephemeral").text("`/daybook canvas` takes nothing after it: "
                    + "run it in the project's channel to rebuild that project's status canvas."));
        }
        Optional<Project> project = projects.byChannel(invocation.teamId(), invocation.channelId());
        if (project.isEmpty() || project.get().archived()) {
            return ctx.ack(r -> r.responseType("ephemeral").text("This channel is no project, so it has no status "
                    + "canvas. Run `/daybook canvas` in a project's channel (one where the team posts updates)."));
        }
        Project p = project.get();
        Canvases.Rebuild rebuild = transaction.execute(s -> {
            Canvases.Rebuild r = canvases.rebuild(p.teamId(), p.id(), p.channelId());
            if (r == Canvases.Rebuild.REBUILDING) {
                events.publishEvent(new CanvasRebuildRequested(p.teamId(), p.id(), p.channelId(), invocation.userId()));
            }
            return r;
        });
        String text = switch (rebuild) {
            case REBUILDING -> "Rebuilding the *Project status* canvas of #" + SlackText.escape(p.name())
                    + ": it shows the latest in a moment (the canvas icon at the top of the channel).";
            case SWITCHED_OFF -> "This project's status canvas is switched off. `/daybook settings` switches it on.";
            case NOT_KEPT -> "Daybook keeps no status canvases here (its operator switched them off).";
        };
        return ctx.ack(r -> r.responseType("ephemeral").text(text));
    }
}
