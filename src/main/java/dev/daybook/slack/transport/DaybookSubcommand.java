package dev.daybook.slack.transport;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;

/** One {@code /daybook <name> ...} subcommand; each feature's Slack face adds its own. */
public interface DaybookSubcommand {

    /** The word after {@code /daybook}. */
    String name();

    /** How to call it, for help: {@code /daybook status [project]}. */
    String usage();

    /** One line on what it does. */
    String summary();

    Response handle(Invocation invocation, SlashCommandContext ctx);

    /** A parsed {@code /daybook} call; {@code arguments} is the text after the subcommand's name. */
    record Invocation(String teamId, String channelId, String userId, String arguments, String triggerId) {
    }
}
