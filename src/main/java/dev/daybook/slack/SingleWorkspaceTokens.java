package dev.daybook.slack;

import org.springframework.stereotype.Component;

/** Single-workspace mode: one bot token from {@code SLACK_BOT_TOKEN}, whatever the team. */
@Component
class SingleWorkspaceTokens implements BotTokens {

    private final SlackSettings settings;

    SingleWorkspaceTokens(SlackSettings settings) {
        this.settings = settings;
    }

    @Override
    public String forTeam(String teamId) {
        return settings.hasBotToken() ? settings.botToken() : null;
    }
}
