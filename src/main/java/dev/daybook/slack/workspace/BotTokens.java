package dev.daybook.slack.workspace;

/** The bot token to use for a workspace. */
public interface BotTokens {

    /** The workspace's bot token, or null when Daybook is not installed there. */
    String forTeam(String teamId);
}
