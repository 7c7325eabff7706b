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
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

import dev.daybook.people.PersonDirectory;
import dev.daybook.projects.Project;
import dev.daybook.projects.ProjectDirectory;
import dev.daybook.slack.blockkit.BlockerButtons;
import dev.daybook.slack.blockkit.SlackText;
import dev.daybook.slack.client.SlackCalls;
import dev.daybook.slack.client.SlackPeople;
import dev.daybook.slack.home.AppHome;
import dev.daybook.slack.delivery.OncePoster;
import dev.daybook.slack.transport.SlackListener;
import dev.daybook.updates.BlockerAcknowledged;
import dev.daybook.updates.Blockers;
import dev.daybook.updates.OpenBlocker;

/**
 * "I'm on it" and "Waiting on client" beside a blocker (on the shared update and in a status answer;
 * "Waiting on client" also beside the person's own blockers in the App Home).
 * Whoever presses must be in the project's channel; the blocker may have been resolved or dropped from
 * its update since the message was posted, and pressing twice changes nothing. Every answer is
 * ephemeral, to the presser alone.
 */
@Component
class BlockerActions implements SlackListener {

    private static final Logger log = LoggerFactory.getLogger(BlockerActions.class);

    private final Blockers blockers;
    private final ProjectDirectory projects;
    private final ChannelVisibility channels;
    private final PersonDirectory people;
    private final OncePoster deliveries;
    private final SlackPeople slackPeople;
    private final AppHome home;
    private final SlackCalls slack;

    BlockerActions(Blockers blockers, ProjectDirectory projects, ChannelVisibility channels, PersonDirectory people,
                   OncePoster deliveries, SlackPeople slackPeople, AppHome home, SlackCalls slack) {
        this.slackPeople = slackPeople;
        this.home = home;
        this.slack = slack;
        this.blockers = blockers;
        this.projects = projects;
        this.channels = channels;
        this.people = people;
        this.deliveries = deliveries;
    }

    @Override
    public void register(App app) {
        app.blockAction(BlockerButtons.ON_IT, this::onIt);
        app.blockAction(BlockerButtons.WAITING_ON_CLIENT, this::waitingOnClient);
    }

    private Response onIt(BlockActionRequest request, ActionContext ctx) throws IOException {
        String userId = request.getPayload().getUser().getId();
        String teamId = ctx.getTeamId();
        String reply = checked(teamId, request.getPayload(), userId, blocker -> switch (
                blockers.acknowledge(teamId, blocker.id(), userId)) {
            case ACKNOWLEDGED -> ":raised_hands: Thanks. I told " + SlackText.escape(name(teamId, blocker.userId()))
                    + " you are on “" + SlackText.quiet(blocker.text()) + "”.";
            case ALREADY -> "You already said you are on it; " + SlackText.escape(name(teamId, blocker.userId()))
                    + " knows.";
            case OWN -> "That is your own blocker. When it is sorted, press *Resolved* in `/daybook status`, "
                    + "or write `resolved: …` in your next update.";
            case RESOLVED -> gone();
            case NOT_FOUND -> notFound();
        });
        ctx.respond(r -> r.responseType("ephemeral").replaceOriginal(false).text(reply));
        return ctx.ack();
    }

    private Response waitingOnClient(BlockActionRequest request, ActionContext ctx) throws IOException {
        String userId = request.getPayload().getUser().getId();
        String teamId = ctx.getTeamId();
        String reply = checked(teamId, request.getPayload(), userId, blocker -> switch (
                blockers.markWaitingOnClient(teamId, blocker.id(), userId)) {
            case MARKED -> MARKED + ": “" + SlackText.quiet(blocker.text())
                    + "”. It opens the next weekly summary under *What we need from you*, with its age.";
            case ALREADY -> "That blocker is already waiting on the client (since "
                    + SlackText.day(blocker.clientSince()) + ").";
            case RESOLVED -> gone();
            case NOT_FOUND -> notFound();
        });
        if (fromHome(request.getPayload())) {
            // The Home tab has no message to answer under: it is shown again, now saying how long the ask has
            // waited; anything else is said in the person's messages with Daybook.
            home.publish(teamId, userId);
            if (!reply.startsWith(MARKED)) {
                slack.call(teamId, "chat.postEphemeral", SlackCalls.Patience.NONE,
                        c -> c.chatPostEphemeral(r -> r.channel(userId).user(userId).text(reply)));
            }
        } else {
            ctx.respond(r -> r.responseType("ephemeral").replaceOriginal(false).text(reply));
        }
        return ctx.ack();
    }

    private static final String MARKED = ":hourglass_flowing_sand: Marked as waiting on the client";

    private static boolean fromHome(BlockActionPayload payload) {
        return payload.getView() != null && "home".equals(payload.getView().getType());
    }

    private interface Press {
        String on(OpenBlocker blocker);
    }

    /** The blocker the button names, if it is this workspace's and the presser is in its project's channel. */
    private String checked(String teamId, BlockActionPayload payload, String userId, Press press) {
        if (payload.getTeam() != null && payload.getTeam().getId() != null && !payload.getTeam().getId().equals(teamId)) {
            return notFound(); // a press from another workspace never reaches this one's blockers
        }
        Optional<OpenBlocker> blocker = number(value(payload)).flatMap(id -> blockers.byId(teamId, id));
        if (blocker.isEmpty()) {
            return notFound();
        }
        Optional<Project> project = projects.byId(blocker.get().projectId()).filter(p -> p.teamId().equals(teamId));
        if (project.isEmpty()) {
            return notFound();
        }
        ChannelVisibility.Sight membership = channels.membership(project.get(), userId);
        if (membership == ChannelVisibility.Sight.UNKNOWN) {
            return "I could not check that you are in #" + project.get().name() + " just now. Please try again in a minute.";
        }
        if (membership == ChannelVisibility.Sight.HIDDEN) {
            return "Only people in #" + project.get().name() + " can do that for its blockers.";
        }
        return press.on(blocker.get());
    }

    /** Tells a blocker's author who is on it, once per teammate (the key), by direct message. */
    @ApplicationModuleListener(id = "slack.blocker-acknowledged", propagation = Propagation.NOT_SUPPORTED)
    void on(BlockerAcknowledged event) {
        // A teammate who never posted is not known yet: ask Slack for their name rather than show their id.
        slackPeople.refreshIfStale(event.teamId(), event.byUserId());
        String project = projects.byId(event.projectId()).map(p -> " in #" + p.name()).orElse("");
        String text = ":eyes: " + SlackText.escape(name(event.teamId(), event.byUserId())) + " saw your blocker"
                + project + " and is on it: “" + SlackText.quiet(event.text()) + "”";
        deliveries.postOnce(event.teamId(), "blocker-ack:" + event.blockerId() + ":" + event.byUserId(),
                event.authorId(), null, 1, m -> m.text(text));
        log.debug("Told the author of blocker {} who is on it.", event.blockerId());
    }

    private String name(String teamId, String userId) {
        return people.profile(teamId, userId).name();
    }

    private static String gone() {
        return "That blocker was resolved in the meantime, so there is nothing to do. Thanks for looking.";
    }

    private static String notFound() {
        return "I can't find that blocker any more: the update it came from may have been changed or deleted.";
    }

    private static String value(BlockActionPayload payload) {
        List<BlockActionPayload.Action> actions = payload.getActions();
        return actions == null || actions.isEmpty() ? null : actions.get(0).getValue();
    }

    private static Optional<Long> number(String value) {
        if (value == null || value.length() > 19) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(value.strip()));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
