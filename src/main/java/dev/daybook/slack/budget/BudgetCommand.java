package dev.daybook.slack.budget;

import java.util.Locale;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import org.springframework.stereotype.Component;

import dev.daybook.budget.Budget;
import dev.daybook.budget.BudgetTarget;
import dev.daybook.slack.client.SlackPeople;
import dev.daybook.slack.transport.DaybookSubcommand;

/** {@code /daybook budget}: your and the team's 70/20/10; {@code /daybook budget target 60/30/10} sets the team's target. */
@Component
class BudgetCommand implements DaybookSubcommand {

    private final Budget budget;
    private final SlackPeople people;

    BudgetCommand(Budget budget, SlackPeople people) {
        this.budget = budget;
        this.people = people;
    }

    @Override
    public String name() {
        return "budget";
    }

    @Override
    public String usage() {
        return "/daybook budget [target 70/20/10]";
    }

    @Override
    public String summary() {
        return "your and the team's 70/20/10 split, this week and last; `target` sets the team's";
    }

    @Override
    public Response handle(Invocation invocation, SlashCommandContext ctx) {
        String arguments = invocation.arguments().strip();
        String lower = arguments.toLowerCase(Locale.ROOT);
        if (lower.startsWith("target")) {
            String written = arguments.substring("target".length()).strip();
            if (written.isEmpty()) {
                return reply(ctx, "The team's target is *" + budget.target(invocation.teamId()) + "* (core/adjacent/moonshot). "
                        + "Change it with `/daybook budget target 60/30/10`.");
            }
            BudgetTarget.Parsed parsed = BudgetTarget.parse(written);
            if (parsed.target().isEmpty()) {
                return reply(ctx, parsed.problem());
            }
            BudgetTarget saved = budget.setTarget(invocation.teamId(), invocation.userId(), parsed.target().get());
            return reply(ctx, ":dart: The team's target is now *" + saved + "* (core/adjacent/moonshot).");
        }
        if (!lower.isEmpty()) {
            return reply(ctx, "`/daybook budget` shows the split; `/daybook budget target 70/20/10` sets the team's target.");
        }
        people.refreshIfStale(invocation.teamId(), invocation.userId());
        return reply(ctx, BudgetText.report(budget.report(invocation.teamId(), invocation.userId())));
    }

    private static Response reply(SlashCommandContext ctx, String text) {
        return ctx.ack(r -> r.responseType("ephemeral").text(text));
    }
}
