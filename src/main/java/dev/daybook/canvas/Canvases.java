package dev.daybook.canvas;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import dev.daybook.digest.Digests;
import dev.daybook.digest.IsoWeek;
import dev.daybook.digest.summary.WeeklySummary;
import dev.daybook.projects.Project;
import dev.daybook.projects.ProjectDirectory;
import dev.daybook.status.ProjectStatus;
import dev.daybook.status.StatusService;
import dev.daybook.updates.UpdateService;

/**
 * Each project's "Project status" canvas: when it is due for an edit, who takes the edit, what it
 * shows, and what happened to it. A change is counted ({@link #changed}); an edit is due when there
 * are changes the canvas does not show and the project's last edit is at least
 * {@code daybook.canvas.min-interval} ago (or Slack's {@code Retry-After} has passed); one instance
 * takes it ({@link #claim}) and reports back. All of it is in the database, so a restart or another
 * instance carries on where this one stopped.
 */
@Service
public class Canvases {

    private final ProjectCanvases rows;
    private final ProjectDirectory projects;
    private final StatusService status;
    private final Digests digests;
    private final UpdateService updates;
    private final CanvasSettings settings;
    private final Clock clock;
    private final TransactionTemplate reading;

    Canvases(ProjectCanvases rows, ProjectDirectory projects, StatusService status, Digests digests,
             UpdateService updates, CanvasSettings settings, Clock clock, PlatformTransactionManager transactions) {
        this.reading = new TransactionTemplate(transactions);
        this.reading.setReadOnly(true);
        this.rows = rows;
        this.projects = projects;
        this.status = status;
        this.digests = digests;
        this.updates = updates;
        this.settings = settings;
        this.clock = clock;
    }

    public boolean enabled() {
        return settings.enabled();
    }

    /** Something the canvas shows changed in the project: the canvas is due (after the interval). */
    @Transactional
    public void changed(String teamId, long projectId, String channelId) {
        if (!settings.enabled()) {
            return;
        }
        Instant now = clock.instant();
        if (rows.bump(teamId, projectId, now) == 0) { // the project's first change: its row is made once
            rows.ensure(teamId, projectId, channelId, now);
            rows.bump(teamId, projectId, now);
        }
    }

    /**
     * Takes the project's edit, when it is due and nobody else holds it. Empty when it is not due,
     * held by another instance, switched off, or the workspace has no channel canvases.
     */
    @Transactional
    public Optional<CanvasClaim> claim(String teamId, long projectId) {
        if (!settings.enabled() || rows.unavailable(teamId).isPresent()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        String token = UUID.randomUUID().toString();
        if (!rows.claim(teamId, projectId, token, now, now.plus(settings.lease()))) {
            return Optional.empty();
        }
        return rows.claimed(teamId, projectId, token);
    }

    /** Projects whose canvas is due now, at most {@code limit}. */
    @Transactional(readOnly = true)
    public List<DueCanvas> due(int limit) {
        return settings.enabled() ? rows.due(clock.instant(), limit) : List.of();
    }

    /**
     * The canvas as the project stands now; empty when the project is gone. Makes a link to this week's
     * summary. The project is read in a read-only transaction, apart from the link's insert: read in one
     * that writes, the session checked every update, item and person it had loaded for changes before
     * each of the summary's queries (a benchmark profile: a seventh of the server's time).
     */
    public Optional<String> markdown(String teamId, long projectId) {
        record Read(Project project, ProjectStatus now, IsoWeek week, WeeklySummary summary, ZoneId zone) {
        }
        Read read = reading.execute(tx -> {
            Optional<Project> found = projects.byId(projectId).filter(p -> p.teamId().equals(teamId));
            if (found.isEmpty()) {
                return null;
            }
            Project project = found.get();
            // As derived so far: what is still waiting tells the canvas again once derived.
            ProjectStatus now = updates.asDerived(() -> status.status(project));
            IsoWeek week = digests.currentWeek(project);
            return new Read(project, now, week, updates.asDerived(() -> digests.summary(project, week)),
                    projects.zone(project));
        });
        if (read == null) {
            return Optional.empty();
        }
        String link = digests.newLink(read.project(), read.week());
        return Optional.of(CanvasMarkdown.render(read.now(), read.summary(), link, read.zone(), clock.instant()));
    }

    /** The claimed edit is in Slack. */
    @Transactional
    public void edited(CanvasClaim claim, String canvasId) {
        Instant now = clock.instant();
        rows.edited(claim, canvasId, now, now.plus(settings.minInterval()));
    }

    /** The claimed edit did not happen (Slack away, rate limited): it stays due, from {@code notBefore}. */
    @Transactional
    public void retryLater(CanvasClaim claim, Instant notBefore, boolean refused, String note) {
        Instant now = clock.instant();
        Instant earliest = now.plus(Duration.ofSeconds(5));
        rows.retryLater(claim, notBefore == null || notBefore.isBefore(earliest) ? earliest : notBefore, refused, note, now);
    }

    /** Slack refused the edit for good: the canvas keeps what it showed; the next change tries again. */
    @Transactional
    public void gaveUp(CanvasClaim claim, String note) {
        Instant now = clock.instant();
        rows.gaveUp(claim, note, now.plus(settings.minInterval()), now);
    }

    /** The canvas was deleted in Slack: it is made again with this claim (once). */
    @Transactional
    public void forgetDeleted(CanvasClaim claim) {
        rows.forget(claim, clock.instant());
    }

    /** Stops keeping the project's canvas, saying why in its settings. */
    @Transactional
    public void switchOff(String teamId, long projectId, String note) {
        rows.switchOff(teamId, projectId, note, clock.instant());
    }

    /** Someone switched the project's canvas on or off in settings. */
    @Transactional
    public void choose(String teamId, long projectId, String channelId, boolean keep) {
        Instant now = clock.instant();
        rows.ensure(teamId, projectId, channelId, now);
        if (keep) {
            rows.switchOn(teamId, projectId, now);
        } else {
            rows.switchOff(teamId, projectId, null, now);
        }
    }

    /** What {@code /daybook canvas} did. */
    public enum Rebuild {
        /** Due now: the canvas is rebuilt in a moment. */
        REBUILDING,
        /** The project switched its canvas off in settings. */
        SWITCHED_OFF,
        /** Daybook keeps no canvases in this deployment. */
        NOT_KEPT
    }

    /**
     * Rebuilds the project's canvas from scratch, now: the minute between edits and an earlier refusal
     * aside, and the workspace asked again whether it has channel canvases (its plan may have changed).
     */
    @Transactional
    public Rebuild rebuild(String teamId, long projectId, String channelId) {
        if (!settings.enabled()) {
            return Rebuild.NOT_KEPT;
        }
        Instant now = clock.instant();
        rows.ensure(teamId, projectId, channelId, now);
        if (rows.rebuild(teamId, projectId, now) == 0) {
            return Rebuild.SWITCHED_OFF;
        }
        rows.clearUnavailable(teamId);
        return Rebuild.REBUILDING;
    }

    /** The workspace's plan has no channel canvases; true the first time it is noted. */
    @Transactional
    public boolean unavailableInWorkspace(String teamId, String slackError) {
        return rows.markUnavailable(teamId, slackError, clock.instant());
    }

    /** What the settings say about the project's canvas. */
    @Transactional(readOnly = true)
    public CanvasState state(String teamId, long projectId) {
        Optional<String> unavailable = rows.unavailable(teamId);
        CanvasState state = rows.state(teamId, projectId).orElse(CanvasState.fresh());
        return new CanvasState(state.enabled(), state.canvasId(), state.note(), state.editedAt(), unavailable.orElse(null));
    }
}
