package dev.daybook.slack.status;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.daybook.people.PersonDirectory;
import dev.daybook.projects.Project;
import dev.daybook.projects.ProjectDirectory;
import dev.daybook.slack.blockkit.SlackText;
import dev.daybook.slack.client.SlackCalls;
import dev.daybook.slack.client.SlackPeople;
import dev.daybook.slack.client.SlackRefused;
import dev.daybook.slack.home.AppHome;
import dev.daybook.slack.transport.SlackListener;
import dev.daybook.updates.BlockerResolution;
import dev.daybook.updates.Blockers;
import dev.daybook.updates.OpenBlocker;

/**
 * The buttons on a status answer and the App Home: "Share in channel" posts the status where it was
 * asked; "Resolved" marks a blocker resolved, for its author only.
 */
@Component
class StatusActions implements SlackListener {

    private static final Logger log = LoggerFactory.getLogger(StatusActions.class);

    private final ProjectDirectory projects;
    private final StatusAnswers answers;
    private final Blockers blockers;
    private final PersonDirectory people;
    private final SlackCalls slack;
    private final AppHome home;
    private final SlackPeople slackPeople;
    private final Citations citations;

    StatusActions(ProjectDirectory projects, StatusAnswers answers, Blockers blockers, PersonDirectory people,
                  SlackCalls slack, AppHome home, SlackPeople slackPeople, Citations citations) {
        this.citations = citations;
        this.slackPeople = slackPeople;
        this.projects = projects;
        this.answers = answers;
        this.blockers = blockers;
        this.people = people;
        this.slack = slack;
        this.home = home;
    }

    @Override
    public void register(App app) {
        app.blockAction(StatusBlocks.SHARE, this::share);
        app.blockAction(StatusBlocks.RESOLVE, this::resolve);
    }

    private Response share(BlockActionRequest request, ActionContext ctx) throws IOException {
        BlockActionPayload payload = request.getPayload();
        String userId = payload.getUser().getId();
        String channelId = payload.getChannel() != null ? payload.getChannel().getId()
                : payload.getContainer() != null ? payload.getContainer().getChannelId() : null;
        Optional<Project> project = number(value(payload)).flatMap(projects::byId)
                .filter(p -> p.teamId().equals(ctx.getTeamId()));
        String reply;
        if (project.isEmpty() || channelId == null) {
            reply = "That status can no longer be shared. Ask for it again with `/daybook status`.";
        } else {
            reply = shareIn(project.get(), channelId, userId);
        }
        ctx.respond(r -> r.responseType("ephemeral").replaceOriginal(false).text(reply));
        return ctx.ack();
    }

    private String shareIn(Project project, String channelId, String userId) {
        StatusAnswers.Answer answer = answers.status(project, userId);
        if (!answer.shown()) {
            return answer.text();
        }
        if (!channelId.equals(project.channelId()) && answers.isPrivate(project)) {
            return "#" + project.name() + " is a private channel, so its status is shared only in that channel.";
        }
        // A lead who never posted is not known yet: ask Slack for their name (cached) rather than show their id.
        slackPeople.refreshIfStale(project.teamId(), userId);
        String sharedBy = people.profile(project.teamId(), userId).name();
        try {
            slack.call(project.teamId(), "chat.postMessage", SlackCalls.Patience.NONE,
                    c -> c.chatPostMessage(r -> r.channel(channelId).text(StatusBlocks.fallbackText(answer.status()))
                            .blocks(citations.withSources(project.teamId(), StatusBlocks.shared(answer.status(), sharedBy),
                                    Citations.of(answer.status()))).unfurlLinks(false)));
            return ":white_check_mark: Shared the status of #" + project.name() + " in this channel.";
        } catch (SlackRefused e) {
            return "Slack would not let me post here (" + e.getMessage() + "). Invite me to the channel and try again.";
        } catch (RuntimeException e) {
            log.info("Slack: could not share a status ({}).", e.getMessage());
            return "I couldn't share it just now. Please try again in a minute.";
        }
    }

    private Response resolve(BlockActionRequest request, ActionContext ctx) throws IOException {
        BlockActionPayload payload = request.getPayload();
        String userId = payload.getUser().getId();
        String teamId = ctx.getTeamId();
        Optional<Long> id = number(value(payload));
        BlockerResolution outcome = id.map(b -> blockers.resolve(teamId, b, userId)).orElse(BlockerResolution.NOT_FOUND);
        String text = switch (outcome) {
            case RESOLVED -> ":white_check_mark: Marked resolved: "
                    + id.flatMap(b -> blockers.byId(teamId, b)).map(OpenBlocker::text).map(SlackText::quiet).orElse("");
            case ALREADY_RESOLVED -> "That blocker is already resolved.";
            case NOT_YOURS -> "Only the person who reported a blocker can mark it resolved. "
                    + "If it is sorted, let them know; their next update can say `resolved: …`.";
            case NOT_FOUND -> "I can't find that blocker any more; the update it came from may have been changed.";
        };
        if (payload.getView() != null && "home".equals(payload.getView().getType())) {
            home.publish(teamId, userId);
            if (outcome != BlockerResolution.RESOLVED) {
                slack.call(teamId, "chat.postEphemeral", SlackCalls.Patience.NONE,
                        c -> c.chatPostEphemeral(r -> r.channel(userId).user(userId).text(text)));
            }
        } else if (payload.getResponseUrl() != null) {
            ctx.respond(r -> r.responseType("ephemeral").replaceOriginal(false).text(text));
        }
        return ctx.ack();
    }

    private static String value(BlockActionPayload payload) {
        List<BlockActionPayload.Action> actions = payload.getActions();
        return actions == null || actions.isEmpty() ? null : actions.get(0).getValue();
    }

    private static Optional<Long> number(String value) {
        try {
            return value == null ? Optional.empty() : Optional.of(Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
