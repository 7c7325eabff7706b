package dev.daybook.slack.updates;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

import dev.daybook.people.PersonDirectory;
import dev.daybook.projects.Project;
import dev.daybook.projects.ProjectDirectory;
import dev.daybook.projects.ShareMode;
import dev.daybook.slack.MessageNeedsReply;
import dev.daybook.slack.PostWithdrawn;
import dev.daybook.slack.blockkit.BlockerButtons;
import dev.daybook.slack.blockkit.SlackText;
import dev.daybook.slack.client.SlackCalls;
import dev.daybook.slack.client.SlackRefused;
import dev.daybook.slack.delivery.MessageLinks;
import dev.daybook.slack.delivery.OncePoster;
import dev.daybook.updates.Blockers;
import dev.daybook.updates.OpenBlocker;
import dev.daybook.updates.ParseProblem;
import dev.daybook.updates.Section;
import dev.daybook.updates.UpdateDeleted;
import dev.daybook.updates.UpdateRecorded;
import dev.daybook.updates.UpdateService;
import dev.daybook.updates.UpdateSource;
import dev.daybook.updates.UpdateView;

/**
 * After an update is committed: shares it in the project channel (or the day's thread), keeps that
 * message in step with revisions, and acknowledges channel posts with a reaction and, when needed, a
 * thread reply. Runs from the event publication registry, so a Slack outage delays this and never
 * loses it; every step is safe to repeat.
 */
@Component
class UpdateSharing {

    private static final Logger log = LoggerFactory.getLogger(UpdateSharing.class);

    /** Slack's answers that mean the bot cannot post in the channel; retrying would not help. */
    private static final Set<String> CANNOT_POST = Set.of("not_in_channel", "channel_not_found", "is_archived",
            "restricted_action", "not_allowed_token_type", "ekm_access_denied");

    private final UpdateService updates;
    private final ProjectDirectory projects;
    private final PersonDirectory people;
    private final OncePoster deliveries;
    private final SlackCalls slack;
    private final MessageLinks links;
    private final Blockers blockers;

    UpdateSharing(UpdateService updates, ProjectDirectory projects, PersonDirectory people, OncePoster deliveries,
                  SlackCalls slack, MessageLinks links, Blockers blockers) {
        this.blockers = blockers;
        this.links = links;
        this.updates = updates;
        this.projects = projects;
        this.people = people;
        this.deliveries = deliveries;
        this.slack = slack;
    }

    @ApplicationModuleListener(id = "slack.update-recorded", propagation = Propagation.NOT_SUPPORTED)
    void on(UpdateRecorded event) {
        Optional<UpdateView> update = updates.byId(event.updateId());
        Optional<Project> project = projects.byId(event.projectId());
        if (update.isEmpty() || project.isEmpty()) {
            return; // deleted since; nothing to show
        }
        if (event.source() == UpdateSource.MESSAGE) {
            if (event.messageTs() != null) {
                acknowledge(event);
            }
            if (deliveries.find(event.teamId(), key(event.updateId())).isPresent()) {
                share(project.get(), update.get());
            }
            // The author's own post is the message to cite: it is what the channel read.
            links.remember(event.teamId(), event.updateId(), event.channelId(), event.messageTs());
            return;
        }
        share(project.get(), update.get()).ifPresent(posted ->
                links.remember(event.teamId(), event.updateId(), posted.channelId(), posted.ts()));
    }

    @ApplicationModuleListener(id = "slack.update-deleted", propagation = Propagation.NOT_SUPPORTED)
    void on(UpdateDeleted event) {
        deliveries.delete(event.teamId(), key(event.updateId()));
        links.forget(event.teamId(), event.updateId());
    }

    @ApplicationModuleListener(id = "slack.message-needs-reply", propagation = Propagation.NOT_SUPPORTED)
    void on(MessageNeedsReply event) {
        reply(event.teamId(), event.channelId(), event.messageTs(), event.threadTs(), event.problems(),
                event.recordedEarlier() ? "I kept the earlier version of your update."
                        : "Nothing was recorded; edit your message to fix it.");
    }

    /** A post edited into chat: its ✅ goes, and its author alone is told it left their update. */
    @ApplicationModuleListener(id = "slack.post-withdrawn", propagation = Propagation.NOT_SUPPORTED)
    void on(PostWithdrawn event) {
        try {
            slack.call(event.teamId(), "reactions.remove", SlackCalls.Patience.WAIT,
                    c -> c.reactionsRemove(r -> r.channel(event.channelId()).timestamp(event.messageTs())
                            .name("white_check_mark")));
        } catch (SlackRefused refused) {
            log.debug("Slack: no reaction to take back ({}).", refused.error());
        }
        try {
            deliveries.postEphemeralOnce(event.teamId(), "withdrawn:" + event.channelId() + ":" + event.messageTs(),
                    event.channelId(), event.userId(), "Your edited message no longer reads as an update, so I took it "
                            + "out of your update for *" + SlackText.day(event.day()) + "*. Edit it back (with its "
                            + "headings) to record it again.");
        } catch (SlackRefused refused) {
            log.info("Slack: could not tell an author their post left their update ({}).", refused.error());
        }
    }

    /** Shares the update; the message it is in, unless Slack would not let Daybook post there. */
    private Optional<OncePoster.Posted> share(Project project, UpdateView update) {
        String author = people.profile(update.teamId(), update.userId()).name();
        String key = key(update.id());
        var blocks = new ArrayList<>(UpdateBlocks.shared(update, author));
        // An update without blocker items has no blocker buttons, and needs no look-up for them.
        List<OpenBlocker> open = update.items(Section.BLOCKER).isEmpty()
                ? List.of() : blockers.openListedIn(update.teamId(), update.id());
        open.stream().limit(BlockerButtons.MOST_BLOCKERS).forEach(b -> blocks.addAll(
                BlockerButtons.forBlocker(b.id(), b.text(), b.waitsOnClient(), open.size() > 1)));
        String text = UpdateBlocks.fallbackText(update, author);
        try {
            if (deliveries.find(update.teamId(), key).isPresent()) {
                deliveries.updateTo(update.teamId(), key, update.revision(), m -> m.text(text).blocks(blocks));
                return deliveries.find(update.teamId(), key);
            }
            // One thread per day of the channel's project, in its zone: a member whose own date is already
            // tomorrow (or still yesterday) posts into the thread the channel is reading today.
            String thread = project.shareMode() == ShareMode.DAILY_THREAD
                    ? dayThread(project, update.createdAt().atZone(projects.zone(project)).toLocalDate())
                    : null;
            return Optional.of(deliveries.postOnce(update.teamId(), key, project.channelId(), thread, update.revision(),
                    m -> m.text(text).blocks(blocks).unfurlLinks(false).unfurlMedia(false)));
        } catch (SlackRefused refused) {
            if (!CANNOT_POST.contains(refused.error())) {
                throw refused;
            }
            log.info("Slack: cannot share an update in {} ({}); telling the author.", project.channelId(), refused.error());
            tellAuthorSharingFailed(project, update, refused.error());
            return Optional.empty();
        }
    }

    /** The day's parent message in a project that shares into one thread per day. */
    private String dayThread(Project project, LocalDate day) {
        String title = "Updates for " + SlackText.longDay(day);
        return deliveries.postOnce(project.teamId(), "day:" + project.id() + ":" + day, project.channelId(), null, 1,
                m -> m.text(title).blocks(List.of(section(s -> s.text(markdownText(
                        ":notebook: *" + title + "*: today's updates are in this thread.")))))).ts();
    }

    private void acknowledge(UpdateRecorded event) {
        try {
            slack.call(event.teamId(), "reactions.add", SlackCalls.Patience.WAIT,
                    c -> c.reactionsAdd(r -> r.channel(event.channelId()).timestamp(event.messageTs())
                            .name("white_check_mark")));
        } catch (SlackRefused refused) {
            if (!"already_reacted".equals(refused.error()) && !"message_not_found".equals(refused.error())) {
                log.info("Slack: could not react to an update ({}).", refused.error());
            }
        }
        if (!event.problems().isEmpty()) {
            reply(event.teamId(), event.channelId(), event.messageTs(), event.threadTs(), event.problems(),
                    "I recorded the rest; edit your message to change it.");
        }
        if (event.filedLate() && event.revision() == 1) {
            try {
                slack.call(event.teamId(), "chat.postEphemeral", SlackCalls.Patience.WAIT,
                        c -> c.chatPostEphemeral(r -> r.channel(event.channelId()).user(event.userId())
                                .text("I filed your update under *" + SlackText.longDay(event.day())
                                        + "*, since you had no update for that day yet.")));
            } catch (SlackRefused refused) {
                log.info("Slack: could not tell the author which day their update went to ({}).", refused.error());
            }
        }
    }

    /** A thread reply saying what could not be understood; once per message and set of problems. */
    private void reply(String teamId, String channelId, String messageTs, String threadTs,
                       List<ParseProblem> problems, String closing) {
        // The set of kinds, not one per problem: twelve items with bad hours are one kind of problem, and
        // the key must stay within its column however many items a message has.
        String kinds = problems.stream().map(p -> p.kind().name()).distinct().sorted().collect(Collectors.joining(","));
        String text = Replies.problems(problems) + "\n" + closing;
        try {
            // A reply to a post in a thread goes to that thread: Slack threads hang from their first message.
            deliveries.postOnce(teamId, "reply:" + channelId + ":" + messageTs + ":" + kinds, channelId,
                    threadTs == null ? messageTs : threadTs, 1, m -> m.text(text));
        } catch (SlackRefused refused) {
            log.info("Slack: could not reply in thread ({}).", refused.error());
        }
    }

    private void tellAuthorSharingFailed(Project project, UpdateView update, String error) {
        String why = "not_in_channel".equals(error) || "channel_not_found".equals(error)
                ? "I am not a member of <#" + project.channelId() + ">: add me with `/invite @Daybook`."
                : "Slack did not let me post there (" + error + ").";
        try {
            deliveries.postOnce(update.teamId(), "share-failed:" + update.id() + ":" + update.revision(),
                    update.userId(), null, 1, m -> m.text("I recorded your update for " + SlackText.day(update.day())
                            + " but could not share it in the channel. " + why));
        } catch (SlackRefused refused) {
            log.warn("Slack: could not tell an author that sharing failed ({}).", refused.error());
        }
    }

    static String key(long updateId) {
        return "update:" + updateId;
    }
}
