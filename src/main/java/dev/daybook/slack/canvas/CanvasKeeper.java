package dev.daybook.slack.canvas;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.slack.api.methods.request.canvases.sections.CanvasesSectionsLookupRequest;
import com.slack.api.methods.response.canvases.sections.CanvasesSectionsLookupResponse;
import com.slack.api.methods.response.conversations.ConversationsInfoResponse;
import com.slack.api.methods.response.conversations.canvases.ConversationsCanvasesCreateResponse;
import com.slack.api.model.canvas.CanvasDocumentChange;
import com.slack.api.model.canvas.CanvasDocumentContent;
import com.slack.api.model.canvas.CanvasEditOperation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

import dev.daybook.canvas.CanvasClaim;
import dev.daybook.canvas.CanvasMarkdown;
import dev.daybook.canvas.Canvases;
import dev.daybook.slack.CanvasRebuildRequested;
import dev.daybook.slack.client.SlackCalls;
import dev.daybook.slack.client.SlackRefused;
import dev.daybook.slack.client.SlackUnavailable;

/**
 * Keeps each project's "Project status" channel canvas in step. Every recorded (or deleted) update is
 * counted as a change in the transaction that derives it ({@code canvas.CanvasChanges}); when the canvas
 * is due (at most one edit per project per minute) and this instance takes the edit, the canvas is created
 * ({@code conversations.canvases.create}) or replaced as a whole ({@code canvases.edit}, one
 * {@code replace} without a section): it always shows the latest state, and a repeated edit shows
 * the same. {@link CanvasUpkeep} looks for due canvases every few seconds, on every instance, and the
 * claim lets one of them make each edit.
 *
 * <p>What Slack says decides what happens next: unavailable or rate limited, the edit stays due (not
 * before its {@code Retry-After}); a plan without channel canvases is noted once for the workspace and
 * nothing more is tried there; a canvas deleted by someone is made again once, and the second time the
 * project's canvas is switched off with a note in its settings; any other refusal is logged, noted in
 * the settings and tried again with the next change.
 */
@Component
public class CanvasKeeper {

    private static final Logger log = LoggerFactory.getLogger(CanvasKeeper.class);

    /** Slack's answers that mean the workspace's plan (or the token) gives Daybook no channel canvases. */
    static final Set<String> NO_CANVASES = Set.of("team_tier_cannot_create_channel_canvases",
            "free_teams_cannot_create_non_tabbed_canvases", "free_teams_cannot_edit_standalone_canvases",
            "restricted_plan_level", "canvas_disabled_user_team", "not_allowed_token_type");
    /** The channel has a canvas already (made by someone, or by us when Slack's answer was lost). */
    static final Set<String> ALREADY_THERE = Set.of("channel_canvas_already_exists", "free_team_canvas_tab_already_exists");
    /** Refusals Slack documents as failures on its side: tried again a few times, then given up. */
    static final Set<String> FAILED_ON_SLACKS_SIDE = Set.of("canvas_editing_failed", "canvas_creation_failed",
            "channel_canvas_creation_failed", "canvas_tab_creation_failed");
    static final int MOST_ATTEMPTS = 3;

    private final Canvases canvases;
    private final SlackCalls slack;
    private final Clock clock;

    CanvasKeeper(Canvases canvases, SlackCalls slack, Clock clock) {
        this.canvases = canvases;
        this.slack = slack;
        this.clock = clock;
    }

    @ApplicationModuleListener(id = "slack.canvas.rebuild", propagation = Propagation.NOT_SUPPORTED)
    void on(CanvasRebuildRequested event) {
        Outcome outcome = keep(event.teamId(), event.projectId());
        if (outcome.problem() != null && event.userId() != null) {
            tell(event, outcome.problem());
        }
    }

    /** What one attempt did; {@code problem} is what to tell someone who asked for it, null when all went well. */
    record Outcome(boolean edited, String problem) {
        static final Outcome NOTHING = new Outcome(false, null);
    }

    /** Edits the project's canvas if it is due and this instance can take the edit. */
    Outcome keep(String teamId, long projectId) {
        Optional<CanvasClaim> claim = canvases.claim(teamId, projectId);
        if (claim.isEmpty()) {
            return Outcome.NOTHING;
        }
        try {
            return edit(claim.get());
        } catch (RuntimeException unexpected) {
            // The database or a bug, not Slack: give the edit back so that it is tried again.
            canvases.retryLater(claim.get(), clock.instant().plus(Duration.ofMinutes(1)), false, null);
            throw unexpected;
        }
    }

    private Outcome edit(CanvasClaim claim) {
        Optional<String> markdown = canvases.markdown(claim.teamId(), claim.projectId());
        if (markdown.isEmpty()) {
            canvases.gaveUp(claim, null); // the project is gone
            return Outcome.NOTHING;
        }
        String canvasId = claim.canvasId();
        boolean recreated = false;
        while (true) {
            try {
                if (canvasId == null) {
                    canvasId = create(claim, markdown.get());
                } else {
                    replace(claim, canvasId, markdown.get());
                }
                canvases.edited(claim, canvasId);
                if (recreated) {
                    log.info("Canvas: the status canvas of project {} was deleted in Slack; made it again.", claim.projectId());
                }
                return new Outcome(true, null);
            } catch (SlackUnavailable unavailable) {
                log.info("Canvas: Slack did not take the edit of project {} ({}); trying again later.",
                        claim.projectId(), unavailable.getMessage());
                canvases.retryLater(claim, unavailable.notBefore(), false, null);
                return new Outcome(false, "Slack is busy; the canvas will be rebuilt in a minute or two.");
            } catch (SlackRefused refused) {
                String error = refused.error();
                if ("canvas_not_found".equals(error) && canvasId != null && !claim.recreatedBefore() && !recreated) {
                    canvases.forgetDeleted(claim);
                    canvasId = null;
                    recreated = true;
                    continue;
                }
                if ("canvas_not_found".equals(error) && canvasId != null) {
                    log.info("Canvas: the status canvas of project {} was deleted in Slack again; switched it off.",
                            claim.projectId());
                    canvases.switchOff(claim.teamId(), claim.projectId(), "The status canvas was deleted in Slack twice, "
                            + "so Daybook stopped keeping it. Switch it on again here to have it made anew.");
                    return new Outcome(false, "The status canvas was deleted twice, so Daybook stopped keeping it; "
                            + "`/daybook settings` switches it on again.");
                }
                if (ALREADY_THERE.contains(error)) {
                    Optional<String> ours;
                    try {
                        ours = ownCanvas(claim);
                    } catch (SlackUnavailable unavailable) {
                        canvases.retryLater(claim, unavailable.notBefore(), false, null);
                        return new Outcome(false, "Slack is busy; the canvas will be rebuilt in a minute or two.");
                    } catch (SlackRefused cannotLook) {
                        log.info("Canvas: could not look at the canvas of channel {} ({}).", claim.channelId(), cannotLook.error());
                        ours = Optional.empty();
                    }
                    if (ours.isPresent()) {
                        canvasId = ours.get();
                        continue;
                    }
                    canvases.switchOff(claim.teamId(), claim.projectId(), "This channel has a canvas of its own, which "
                            + "Daybook leaves alone, so it keeps no status canvas here.");
                    return new Outcome(false, "This channel has a canvas of its own; Daybook does not overwrite it.");
                }
                return refused(claim, error);
            }
        }
    }

    private Outcome refused(CanvasClaim claim, String error) {
        if (NO_CANVASES.contains(error)) {
            if (canvases.unavailableInWorkspace(claim.teamId(), error)) {
                log.info("Canvas: workspace {} has no channel canvases (Slack said {}); Daybook carries on without.",
                        claim.teamId(), error);
            }
            canvases.gaveUp(claim, null);
            return new Outcome(false, "This workspace's Slack plan has no channel canvases (Slack said `" + error
                    + "`), so there is no status canvas; `/daybook status` shows the same.");
        }
        if (FAILED_ON_SLACKS_SIDE.contains(error) && claim.failures() + 1 < MOST_ATTEMPTS) {
            log.info("Canvas: Slack failed to apply the edit of project {} ({}); trying again.", claim.projectId(), error);
            canvases.retryLater(claim, clock.instant().plus(Duration.ofMinutes(claim.failures() + 1L)), true, null);
            return new Outcome(false, "Slack could not apply the edit (`" + error + "`); Daybook tries again in a minute.");
        }
        String note = "missing_scope".equals(error)
                ? "Slack refused the canvas: Daybook's app lacks the canvases:write scope. Update the app from manifest.yml."
                : "Slack refused the last canvas edit (" + error + "). Daybook tries again with the next update.";
        log.warn("Canvas: Slack refused the edit of project {} ({}); the canvas keeps what it showed.",
                claim.projectId(), error);
        canvases.gaveUp(claim, note);
        return new Outcome(false, note);
    }

    private String create(CanvasClaim claim, String markdown) {
        ConversationsCanvasesCreateResponse created = slack.call(claim.teamId(), "conversations.canvases.create",
                SlackCalls.Patience.WAIT, c -> c.conversationsCanvasesCreate(r -> r.channelId(claim.channelId())
                        .title(CanvasMarkdown.TITLE).documentContent(content(markdown))));
        if (created.getCanvasId() == null || created.getCanvasId().isBlank()) {
            throw new SlackUnavailable("conversations.canvases.create answered without a canvas id", null);
        }
        return created.getCanvasId();
    }

    private void replace(CanvasClaim claim, String canvasId, String markdown) {
        slack.call(claim.teamId(), "canvases.edit", SlackCalls.Patience.WAIT, c -> c.canvasesEdit(r -> r.canvasId(canvasId)
                .changes(List.of(CanvasDocumentChange.builder().operation(CanvasEditOperation.REPLACE)
                        .documentContent(content(markdown)).build()))));
    }

    /**
     * The channel's canvas when it is Daybook's own (it carries {@link CanvasMarkdown#MARK}): made by an
     * earlier attempt whose answer was lost. Someone else's canvas is never taken over.
     */
    private Optional<String> ownCanvas(CanvasClaim claim) {
        ConversationsInfoResponse info = slack.call(claim.teamId(), "conversations.info", SlackCalls.Patience.WAIT,
                c -> c.conversationsInfo(r -> r.channel(claim.channelId())));
        String fileId = info.getChannel() == null || info.getChannel().getProperties() == null
                || info.getChannel().getProperties().getCanvas() == null ? null
                : info.getChannel().getProperties().getCanvas().getFileId();
        if (fileId == null) {
            return Optional.empty();
        }
        CanvasesSectionsLookupResponse found = slack.call(claim.teamId(), "canvases.sections.lookup",
                SlackCalls.Patience.WAIT, c -> c.canvasesSectionsLookup(r -> r.canvasId(fileId)
                        .criteria(CanvasesSectionsLookupRequest.Criteria.builder().containsText(CanvasMarkdown.MARK).build())));
        return found.getSections() == null || found.getSections().isEmpty() ? Optional.empty() : Optional.of(fileId);
    }

    private static CanvasDocumentContent content(String markdown) {
        return CanvasDocumentContent.builder().type("markdown").markdown(markdown).build();
    }

    private void tell(CanvasRebuildRequested event, String text) {
        try {
            slack.call(event.teamId(), "chat.postEphemeral", SlackCalls.Patience.WAIT,
                    c -> c.chatPostEphemeral(r -> r.channel(event.channelId()).user(event.userId()).text(text)));
        } catch (RuntimeException e) {
            log.info("Canvas: could not tell {} how the rebuild went ({}).", event.userId(), e.getMessage());
        }
    }
}
