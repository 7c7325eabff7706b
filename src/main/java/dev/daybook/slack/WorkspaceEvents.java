package dev.daybook.slack;

import com.slack.api.bolt.App;
import com.slack.api.model.event.AppUninstalledEvent;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.event.ChannelArchiveEvent;
import com.slack.api.model.event.ChannelRenameEvent;
import com.slack.api.model.event.ChannelUnarchiveEvent;
import com.slack.api.model.event.GroupArchiveEvent;
import com.slack.api.model.event.GroupUnarchiveEvent;
import com.slack.api.model.event.GroupRenameEvent;
import com.slack.api.model.event.TokensRevokedEvent;
import com.slack.api.model.event.UserChangeEvent;
import org.springframework.stereotype.Component;

import dev.daybook.projects.ProjectDirectory;

/**
 * Keeps names and time zones current (projects follow channel renames and archiving, people their
 * profile) and hears when Daybook is uninstalled or its bot token revoked: the token is forgotten at once.
 */
@Component
class WorkspaceEvents implements SlackListener {

    private final ProjectDirectory projects;
    private final SlackPeople people;
    private final Installations installations;

    WorkspaceEvents(ProjectDirectory projects, SlackPeople people, Installations installations) {
        this.projects = projects;
        this.people = people;
        this.installations = installations;
    }

    @Override
    public void register(App app) {
        app.event(ChannelRenameEvent.class, (payload, ctx) -> {
            var channel = payload.getEvent().getChannel();
            if (channel != null && channel.getId() != null) {
                projects.rename(ctx.getTeamId(), channel.getId(), channel.getName());
            }
            return ctx.ack();
        });
        app.event(GroupRenameEvent.class, (payload, ctx) -> {
            var channel = payload.getEvent().getChannel();
            if (channel != null && channel.getId() != null) {
                projects.rename(ctx.getTeamId(), channel.getId(), channel.getName());
            }
            return ctx.ack();
        });
        app.event(AppUninstalledEvent.class, (payload, ctx) -> {
            installations.uninstall(payload.getTeamId());
            return ctx.ack();
        });
        app.event(TokensRevokedEvent.class, (payload, ctx) -> {
            var tokens = payload.getEvent().getTokens();
            if (tokens != null && tokens.getBot() != null && !tokens.getBot().isEmpty()) {
                installations.uninstall(payload.getTeamId());
            }
            return ctx.ack();
        });
        // An archived channel is an archived project: its members get no reminders for it.
        app.event(ChannelArchiveEvent.class, (payload, ctx) -> archive(ctx.getTeamId(), payload.getEvent().getChannel(), true, ctx));
        app.event(ChannelUnarchiveEvent.class, (payload, ctx) -> archive(ctx.getTeamId(), payload.getEvent().getChannel(), false, ctx));
        app.event(GroupArchiveEvent.class, (payload, ctx) -> archive(ctx.getTeamId(), payload.getEvent().getChannel(), true, ctx));
        app.event(GroupUnarchiveEvent.class, (payload, ctx) -> archive(ctx.getTeamId(), payload.getEvent().getChannel(), false, ctx));
        app.event(UserChangeEvent.class, (payload, ctx) -> {
            people.remember(ctx.getTeamId(), payload.getEvent().getUser());
            return ctx.ack();
        });
    }

    private Response archive(String teamId, String channelId, boolean archived, EventContext ctx) {
        if (channelId != null) {
            projects.archive(teamId, channelId, archived);
        }
        return ctx.ack();
    }
}
