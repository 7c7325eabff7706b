package dev.daybook.slack.client;

import java.util.Optional;

import com.slack.api.methods.response.conversations.ConversationsInfoResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.daybook.projects.Project;
import dev.daybook.projects.ProjectDirectory;

/** Channel names for new projects, from the project itself or {@code conversations.info}. */
@Component
public class SlackChannels {

    private static final Logger log = LoggerFactory.getLogger(SlackChannels.class);

    private final ProjectDirectory projects;
    private final SlackCalls slack;

    SlackChannels(ProjectDirectory projects, SlackCalls slack) {
        this.projects = projects;
        this.slack = slack;
    }

    /** The channel's name; null when Slack cannot say (the project is then named after its id until renamed). */
    public String nameOf(String teamId, String channelId) {
        Optional<Project> project = projects.byChannel(teamId, channelId);
        if (project.isPresent() && !project.get().name().equals(channelId)) {
            return project.get().name();
        }
        try {
            ConversationsInfoResponse info = slack.call(teamId, "conversations.info", SlackCalls.Patience.NONE,
                    c -> c.conversationsInfo(r -> r.channel(channelId)));
            return info.getChannel() == null ? null : info.getChannel().getName();
        } catch (RuntimeException e) {
            log.info("Slack: could not look up a channel name ({}).", e.getMessage());
            return null;
        }
    }

    public static boolean isDirectMessage(String channelId) {
        return channelId != null && channelId.startsWith("D");
    }
}
