package dev.daybook.slack.transport;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.slack.api.app_backend.slash_commands.payload.SlashCommandPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.SlashCommandRequest;
import com.slack.api.bolt.response.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.daybook.slack.blockkit.SlackLimits;
import dev.daybook.slack.blockkit.SlackText;
import dev.daybook.slack.updates.Replies;

/** {@code /daybook <subcommand>}: routes to the subcommands the features register, and explains them. */
@Component
class DaybookCommand implements SlackListener {

    private static final Logger log = LoggerFactory.getLogger(DaybookCommand.class);

    private final Map<String, DaybookSubcommand> subcommands;

    DaybookCommand(List<DaybookSubcommand> subcommands) {
        this.subcommands = subcommands.stream()
                .collect(Collectors.toMap(DaybookSubcommand::name, Function.identity()));
    }

    @Override
    public void register(App app) {
        app.command("/daybook", this::handle);
    }

    Response handle(SlashCommandRequest request, SlashCommandContext ctx) {
        SlashCommandPayload command = request.getPayload();
        String text = command.getText() == null ? "" : command.getText().strip();
        String[] words = text.split("\\s+", 2);
        String name = words[0].toLowerCase(Locale.ROOT);
        if (name.isEmpty() || name.equals("help")) {
            return ctx.ack(r -> r.responseType("ephemeral").text(help()));
        }
        DaybookSubcommand subcommand = subcommands.get(name);
        if (subcommand == null) {
            return ctx.ack(r -> r.responseType("ephemeral")
                    .text("I don't know `/daybook " + SlackText.escape(abbreviate(name)) + "`.\n" + help()));
        }
        var invocation = new DaybookSubcommand.Invocation(ctx.getTeamId(), command.getChannelId(),
                command.getUserId(), words.length > 1 ? words[1].strip() : "", command.getTriggerId());
        try {
            return SlackLimits.answer(subcommand.handle(invocation, ctx));
        } catch (RuntimeException e) {
            log.error("/daybook {} failed", name, e);
            return ctx.ack(r -> r.responseType("ephemeral").text(":warning: Daybook could not answer that just now. "
                    + "Please try again in a minute."));
        }
    }

    String help() {
        StringBuilder help = new StringBuilder("*Daybook* keeps your team's end-of-day updates.\n")
                .append("• `/update <text>`: record today's update, for example ").append(Replies.EXAMPLE).append('\n')
                .append("• `/update`: open the update form\n");
        subcommands.values().stream().sorted(Comparator.comparing(DaybookSubcommand::name))
                .forEach(s -> help.append("• `").append(s.usage()).append("`: ").append(s.summary()).append('\n'));
        help.append("• `/daybook help`: this list\n")
                .append("Or just post a message with *Update:* and *Next:* headings in a project channel.");
        return help.toString();
    }

    private static String abbreviate(String word) {
        return word.length() > 40 ? word.substring(0, 40) + "…" : word;
    }
}
