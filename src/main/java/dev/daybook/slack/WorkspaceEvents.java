package dev.daybook.slack;

import com.slack.api.bolt.App;
import com.slack.api.model.event.ChannelRenameEvent;
import com.slack.api.model.event.GroupRenameEvent;
import com.slack.api.model.event.UserChangeEvent;
import org.springframework.stereotype.Component;

import dev.daybook.projects.ProjectDirectory;

/** Keeps names and time zones current: projects follow channel renames, people follow their profile. */
@Component
class WorkspaceEvents implements SlackListener {

    private final ProjectDirectory projects;
    private final SlackPeople people;

    WorkspaceEvents(ProjectDirectory projects, SlackPeople people) {
        this.projects = projects;
        this.people = people;
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
        app.event(UserChangeEvent.class, (payload, ctx) -> {
            people.remember(ctx.getTeamId(), payload.getEvent().getUser());
            return ctx.ack();
        });
    }
}
