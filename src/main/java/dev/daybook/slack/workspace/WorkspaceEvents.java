package dev.daybook.slack.workspace;

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
import com.slack.api.model.event.MemberLeftChannelEvent;
import com.slack.api.model.event.TokensRevokedEvent;
import com.slack.api.model.event.UserChangeEvent;
import org.springframework.stereotype.Component;

import dev.daybook.access.ApiTokens;
import dev.daybook.projects.ProjectDirectory;
import dev.daybook.projects.ProjectLeads;
import dev.daybook.slack.client.SlackPeople;
import dev.daybook.slack.transport.SlackListener;

/**
 * Keeps names and time zones current (projects follow channel renames and archiving, people their
 * profile) and hears when Daybook is uninstalled or its bot token revoked: the token is forgotten at
 * once, and the workspace's API tokens stop working. An API token also stops when its creator loses
 * access: leaves the project's channel, is deactivated, or is no longer a lead by any right.
 */
@Component
class WorkspaceEvents implements SlackListener {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(WorkspaceEvents.class);

    private final ProjectDirectory projects;
    private final SlackPeople people;
    private final InstallationStore installations;
    private final ApiTokens tokens;
    private final ProjectLeads leads;

    WorkspaceEvents(ProjectDirectory projects, SlackPeople people, InstallationStore installations, ApiTokens tokens,
            ProjectLeads leads) {
        this.projects = projects;
        this.people = people;
        this.installations = installations;
        this.tokens = tokens;
        this.leads = leads;
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
            revokeApiTokens(payload.getTeamId());
            return ctx.ack();
        });
        app.event(TokensRevokedEvent.class, (payload, ctx) -> {
            var revoked = payload.getEvent().getTokens();
            if (revoked != null && revoked.getBot() != null && !revoked.getBot().isEmpty()) {
                installations.uninstall(payload.getTeamId());
                revokeApiTokens(payload.getTeamId());
            }
            return ctx.ack();
        });
        app.event(MemberLeftChannelEvent.class, (payload, ctx) -> {
            var event = payload.getEvent();
            if (event.getUser() != null && event.getChannel() != null) {
                projects.byChannel(ctx.getTeamId(), event.getChannel()).ifPresent(project -> {
                    int revoked = tokens.revokeCreatedBy(ctx.getTeamId(), project.id(), event.getUser());
                    if (revoked > 0) {
                        log.info("API tokens: revoked {} of project {}: their creator left the channel.", revoked, project.id());
                    }
                });
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
            lostAccess(ctx.getTeamId(), payload.getEvent().getUser());
            return ctx.ack();
        });
    }

    private void revokeApiTokens(String teamId) {
        if (teamId != null) {
            int revoked = tokens.revokeWorkspace(teamId);
            log.info("API tokens: revoked all {} of workspace {}, which uninstalled Daybook.", revoked, teamId);
        }
    }

    /**
     * A deactivated person's tokens stop; so do those of someone who created them as a workspace admin
     * and is an admin no more, unless they still lead the project as its creator or a named lead.
     */
    private void lostAccess(String teamId, com.slack.api.model.User user) {
        if (user == null || user.getId() == null) {
            return;
        }
        boolean admin = !user.isDeleted() && (user.isAdmin() || user.isOwner() || user.isPrimaryOwner());
        for (long projectId : tokens.projectsWithTokensBy(teamId, user.getId())) {
            if (user.isDeleted() || !admin && !leads.isLead(teamId, projectId, user.getId())) {
                int revoked = tokens.revokeCreatedBy(teamId, projectId, user.getId());
                log.info("API tokens: revoked {} of project {}: their creator no longer has access.", revoked, projectId);
            }
        }
    }

    private Response archive(String teamId, String channelId, boolean archived, EventContext ctx) {
        if (channelId != null) {
            projects.archive(teamId, channelId, archived);
        }
        return ctx.ack();
    }
}
