package dev.daybook.slack.status;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import org.springframework.stereotype.Component;

import dev.daybook.slack.transport.DaybookSubcommand;

/** {@code /daybook status [project]}: the project's status, shown to the asker, with a button to share it. */
@Component
class StatusCommand implements DaybookSubcommand {

    private final ProjectLookup lookup;
    private final StatusAnswers answers;

    StatusCommand(ProjectLookup lookup, StatusAnswers answers) {
        this.lookup = lookup;
        this.answers = answers;
    }

    @Override
    public String name() {
        return "status";
    }

    @Override
    public String usage() {
        return "/daybook status [project]";
    }

    @Override
    public String summary() {
        return "latest updates, Next items, open blockers, client goals, latest runs and who has gone quiet (default: this channel's project)";
    }

    @Override
    public Response handle(Invocation invocation, SlashCommandContext ctx) {
        ProjectLookup.Found found = lookup.find(invocation.teamId(), invocation.channelId(), invocation.arguments());
        if (found.project().isEmpty()) {
            return ctx.ack(r -> r.responseType("ephemeral").text(found.problem()));
        }
        StatusAnswers.Answer answer = answers.status(found.project().get(), invocation.userId());
        return ctx.ack(r -> r.responseType("ephemeral").text(answer.text()).blocks(answer.blocks()));
    }
}
