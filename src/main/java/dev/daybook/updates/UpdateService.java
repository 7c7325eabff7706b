package dev.daybook.updates;

import dev.daybook.updates.parsing.ParsedUpdate;
import dev.daybook.updates.recording.DerivationWorkers;
import dev.daybook.updates.recording.FilingRule;
import dev.daybook.updates.recording.Submissions;
import dev.daybook.updates.recording.UpdateText;
import dev.daybook.updates.storage.AuthorProjectDays;
import dev.daybook.updates.storage.LatestDay;
import dev.daybook.updates.storage.UpdateEntity;
import dev.daybook.updates.storage.UpdatePromptEntity;
import dev.daybook.updates.storage.UpdatePrompts;
import dev.daybook.updates.storage.UpdateRevisionEntity;
import dev.daybook.updates.storage.UpdateRevisions;
import dev.daybook.updates.storage.Updates;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.daybook.people.DaysOff;
import dev.daybook.people.PersonDirectory;
import dev.daybook.people.WorkingCalendar;
import dev.daybook.projects.Category;
import dev.daybook.projects.Project;
import dev.daybook.projects.ProjectDirectory;
import dev.daybook.support.InsertIfAbsent;
import dev.daybook.support.StorableText;
import dev.daybook.support.Timestamps;
import dev.daybook.updates.recording.FilingRule.Filing;
import dev.daybook.updates.recording.FilingRule.PreviousDay;

/**
 * Records end-of-day updates: one per person, project and local day, revised by later posts that day,
 * with every revision kept.
 */
@Service
@Transactional(readOnly = true)
public class UpdateService {

    private static final Logger log = LoggerFactory.getLogger(UpdateService.class);

    private final Updates updates;
    private final UpdateRevisions revisions;
    private final UpdatePrompts prompts;
    private final ProjectDirectory projects;
    private final PersonDirectory people;
    private final Headings headings;
    private final ApplicationEventPublisher events;
    private final InsertIfAbsent inserts;
    private final MeterRegistry meters;
    private final Clock clock;
    private final DaysOff daysOff;
    private final Submissions submissions;
    private final DerivationWorkers background;
    private final TransactionTemplate separately;

    UpdateService(Updates updates, UpdateRevisions revisions, UpdatePrompts prompts, ProjectDirectory projects,
                  PersonDirectory people, Headings headings, ApplicationEventPublisher events, InsertIfAbsent inserts,
                  MeterRegistry meters, Clock clock, DaysOff daysOff, Submissions submissions,
                  DerivationWorkers background, PlatformTransactionManager transactions) {
        this.daysOff = daysOff;
        this.submissions = submissions;
        this.background = background;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.updates = updates;
        this.revisions = revisions;
        this.prompts = prompts;
        this.projects = projects;
        this.people = people;
        this.headings = headings;
        this.events = events;
        this.inserts = inserts;
        this.meters = meters;
        this.clock = clock;
    }

    /** Reads a text posted in a channel as the parser would for the given source, without storing anything. */
    public ParsedUpdate read(String teamId, String channelId, String text, UpdateSource source) {
        return headings.parserFor(teamId, channelId).parse(text, source.form());
    }

    /**
     * Records an update, or revises the one it belongs to: the same message edited, or the same
     * author's update for the same day and project. Asks its author first when a channel post may not
     * be an update, and when the post would drop what the day's update already holds.
     */
    @Transactional
    public Recording record(RecordUpdate request) {
        deriveFor(request.teamId(), request.userId()); // what the author posted before comes first
        return record(request, null, null);
    }

    /**
     * Records an update, filed under {@code decided} when the day was decided already, as of
     * {@code at} (when it was acknowledged; null: now).
     */
    private Recording record(RecordUpdate request, Filing decided, Instant at) {
        ParsedUpdate parsed = read(request.teamId(), request.channelId(), request.text(), request.source());
        Optional<UpdateEntity> fromSameMessage = request.messageTs() == null ? Optional.empty()
                : updates.findByMessage(request.teamId(), request.channelId(), request.messageTs())
                        .filter(u -> u.userId().equals(request.userId())); // only its author edits a message
        Optional<Project> known = projects.byChannel(request.teamId(), request.channelId());
        if (!parsed.recognised()) {
            return Recording.nothing(Recording.Outcome.NOT_AN_UPDATE, known.orElse(null), parsed.problems());
        }
        if (parsed.verdict() == ParsedUpdate.Verdict.MAYBE && fromSameMessage.isEmpty()
                && request.intent() == RecordUpdate.Intent.AS_WRITTEN) {
            LocalDate day = known.map(p -> filing(request, p).day())
                    .orElseGet(() -> calendarOf(request).dayAt(request.postedAt()));
            return ask(request, UpdatePrompt.Kind.CONFIRM, day, null, known.orElse(null), parsed);
        }
        if (!parsed.hasDone()) {
            count(request.source(), "rejected");
            return Recording.nothing(Recording.Outcome.REJECTED, known.orElse(null), parsed.problems());
        }

        Project project = known.orElseGet(() -> projects.open(request.teamId(), request.channelId(), request.channelName(),
                request.userId()));
        Instant now = at != null ? at : clock.instant();
        List<UpdateItem> items = itemsOf(parsed, project.defaultCategory());
        boolean adding = request.intent() == RecordUpdate.Intent.ADD;
        UpdateEntity update;
        List<UpdateItem> base = List.of();
        boolean baseStated = false;
        if (fromSameMessage.isPresent()) {
            UpdateEntity same = fromSameMessage.get();
            update = updates.lock(same.teamId(), same.projectId(), same.userId(), same.day()).orElseThrow();
            List<UpdateRevisionEntity> history = revisions.findByUpdateIdOrderByNumberDesc(update.id());
            adding |= history.stream().filter(r -> r.from(request.channelId(), request.messageTs())).findFirst()
                    .map(UpdateRevisionEntity::added).orElse(false);
            if (adding) {
                // An edit of a post that was added: add again, on top of what the day held without it.
                Optional<UpdateRevisionEntity> before = history.stream()
                        .filter(r -> !r.from(request.channelId(), request.messageTs())).findFirst();
                if (before.isPresent()) {
                    ParsedUpdate earlier = parse(before.get(), project);
                    base = itemsOf(earlier, project.defaultCategory());
                    baseStated = earlier.blockersStated();
                }
            }
        } else {
            Filing filing = decided != null ? decided : filing(request, project);
            Optional<UpdateEntity> existing = updates.lock(request.teamId(), project.id(), request.userId(),
                    filing.day());
            if (existing.isPresent() && asksBeforeReplacing(request) && drops(existing.get().items(), items)) {
                return ask(request, UpdatePrompt.Kind.REPLACE, filing.day(), existing.get().toView(), project, parsed);
            }
            update = existing.orElseGet(() -> openDay(request, project, filing, now));
            if (adding) {
                base = update.items();
                baseStated = update.blockersStated();
            }
        }
        boolean revised = update.revision() > 0;
        boolean runsBefore = revised && UpdateRecorded.Mentions.namesRuns(update.items());
        boolean stated = parsed.blockersStated() || (adding && baseStated);
        String raw = StorableText.of(request.text()).strip();
        if (adding && !base.isEmpty()) {
            items = merged(base, items);
            raw = UpdateText.of(items, stated);
        }
        update.revise(request.source(), items, stated, now);
        revisions.save(new UpdateRevisionEntity(update, request.source(), raw, request.channelId(),
                request.messageTs(), adding, now));

        UpdateView view = update.toView();
        events.publishEvent(UpdateRecorded.of(view, project.channelId())
                .fromPost(request.messageTs(), request.threadTs(), parsed.problems())
                .mentioning(UpdateRecorded.Mentions.of(view.items(), runsBefore)));
        count(request.source(), adding ? "added" : revised ? "revised" : "recorded");
        return Recording.recorded(view, project, revised, adding && revised, parsed.problems());
    }

    /**
     * Acknowledges an update at the cost of one insert: what the author wrote, with the day and the
     * project it is filed under, is stored in {@code update_submission} and the answer is what it will
     * be once derived; the day's update (revision, items, blockers, and the events for runs and sharing)
     * is derived from that row right after the commit, in the background, per author in the order of
     * acknowledgement, and at least once: the row is deleted in the transaction that derives it, so a
     * crash before that leaves it to be derived later and never twice. Whatever needs more than that
     * (a post that may not be an update, one that would drop what the day holds, a new project, an
     * edit) is recorded in full, as {@link #record} does, after the author's earlier posts are derived.
     *
     * @param eventId Slack's id of the event the post came in, when it came in one (kept with the row)
     */
    @Transactional
    public Recording submit(RecordUpdate request, String eventId) {
        if (request.intent() != RecordUpdate.Intent.AS_WRITTEN || request.source() == UpdateSource.MODAL) {
            return record(request);
        }
        // What the author posted before and is not derived yet is read, never derived here: an answer
        // that derived first queued behind the background's row locks under a burst (the benchmark's
        // 2.5 s answers and lock timeouts). Whatever needs the day as it is derived goes to record,
        // which derives the author's posts first.
        List<Submissions.Submission> waiting = submissions.waitingOf(request.teamId(), request.userId());
        ParsedUpdate parsed = read(request.teamId(), request.channelId(), request.text(), request.source());
        Optional<Project> known = projects.byChannel(request.teamId(), request.channelId());
        if (!parsed.recognised() || !parsed.hasDone() || parsed.verdict() == ParsedUpdate.Verdict.MAYBE
                || known.isEmpty() || request.messageTs() != null && (recordedMessage(request.teamId(),
                        request.channelId(), request.messageTs()) || waitingHasMessage(waiting, request))) {
            return record(request);
        }
        Project project = known.get();
        Filing filing = filing(request, project);
        List<UpdateItem> items = itemsOf(parsed, project.defaultCategory());
        Optional<UpdateEntity> existing = updates.findDayWithItems(request.teamId(), project.id(), request.userId(),
                filing.day());
        List<Submissions.Submission> sameDay = waiting.stream()
                .filter(w -> w.projectId() == project.id() && w.day().equals(filing.day())).toList();
        // The day will hold what the latest waiting post of the day says (each replaces the day), or else
        // what is derived.
        Optional<List<UpdateItem>> dayHolds = sameDay.isEmpty() ? existing.map(UpdateEntity::items)
                : Optional.of(itemsOf(read(request.teamId(), request.channelId(),
                        sameDay.get(sameDay.size() - 1).request().text(), sameDay.get(sameDay.size() - 1).request().source()),
                        project.defaultCategory()));
        if (dayHolds.isPresent() && drops(dayHolds.get(), items)) {
            return record(request); // asks first, against the day as derived
        }
        Instant now = clock.instant();
        submissions.insert(request, StorableText.of(request.text()).strip(), eventId, project.id(), filing.day(),
                filing.late(), now);
        String teamId = request.teamId();
        String userId = request.userId();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                queue(new Submissions.Author(teamId, userId));
            }
        });
        int revision = existing.map(UpdateEntity::revision).orElse(0) + sameDay.size() + 1;
        UpdateView answer = existing
                .map(e -> new UpdateView(e.id(), teamId, project.id(), userId, e.day(), request.source(),
                        revision, e.filedLate(), e.toView().createdAt(), now, items))
                .orElseGet(() -> new UpdateView(0, teamId, project.id(), userId, filing.day(), request.source(),
                        revision, sameDay.isEmpty() ? filing.late() : sameDay.get(0).filedLate(),
                        sameDay.isEmpty() ? now : sameDay.get(0).receivedAt(), now, items));
        return Recording.recorded(answer, project, revision > 1, false, parsed.problems());
    }

    /** Whether the post's message is one of the author's waiting posts (an edit, or Slack's retry of it). */
    private static boolean waitingHasMessage(List<Submissions.Submission> waiting, RecordUpdate request) {
        return waiting.stream().anyMatch(w -> request.messageTs().equals(w.request().messageTs())
                && request.channelId().equals(w.request().channelId()));
    }

    /**
     * Derives every acknowledged update of the workspace that is still waiting, each author's in order;
     * for readers, so that what was acknowledged is what they read. A null {@code teamId} settles every
     * workspace, for the scheduler's questions about everyone at once.
     */
    void settle(String teamId) {
        if (AS_DERIVED.get() != null || !submissions.anyPending(teamId)) {
            return;
        }
        if (TransactionSynchronizationManager.isActualTransactionActive()
                && !TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            // In a transaction that may have derived (and so locked) some of them already: go on in it.
            submissions.pendingAuthors(teamId).forEach(a -> deriveFor(a.teamId(), a.userId()));
        } else {
            // One short transaction per author: one transaction for all held each author's rows, once
            // derived, until every other author's were too, and under a burst posts, background
            // derivations and readers queued behind each other until H2's lock timeout (the
            // benchmark's channel posts on H2, 2.5 s and errors).
            submissions.pendingAuthors(teamId).forEach(a -> separately.executeWithoutResult(
                    status -> deriveFor(a.teamId(), a.userId())));
        }
    }

    /** Set while a read takes updates as derived so far ({@link #asDerived}). */
    private static final ThreadLocal<Boolean> AS_DERIVED = new ThreadLocal<>();

    /**
     * Runs {@code read} on the updates as derived so far, deriving nothing first: for a background reader
     * that {@link UpdateRecorded} keeps in step anyway (the status canvas: each derivation tells it again).
     * Deriving for it put the project's derivations on the outbox's threads, holding their row locks for
     * the whole rendering, beside the derivation workers (a profile of the benchmark: four tenths of the
     * listener threads' time).
     */
    public <T> T asDerived(Supplier<T> read) {
        Boolean before = AS_DERIVED.get();
        AS_DERIVED.set(Boolean.TRUE);
        try {
            return read.get();
        } finally {
            if (before == null) {
                AS_DERIVED.remove();
            }
        }
    }

    /** Derives the person's acknowledged updates that are still waiting, for a reader of theirs. */
    void settleAuthor(String teamId, String userId) {
        if (AS_DERIVED.get() != null || !submissions.anyPendingOf(teamId, userId)) {
            return;
        }
        if (TransactionSynchronizationManager.isActualTransactionActive()
                && !TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            deriveFor(teamId, userId);
        } else {
            separately.executeWithoutResult(status -> deriveFor(teamId, userId));
        }
    }

    /** One person's waiting updates when the read is about one person (userId set), else the workspace's. */
    private void settleFor(String teamId, String userId) {
        if (userId != null) {
            settleAuthor(teamId, userId);
        } else {
            settle(teamId);
        }
    }

    /** Derives what is waiting in one project (each of its waiting authors), for a reader of the project. */
    void settleProject(String teamId, long projectId) {
        if (AS_DERIVED.get() != null) {
            return;
        }
        submissions.pendingAuthorsIn(teamId, projectId).forEach(a -> settleAuthor(a.teamId(), a.userId()));
    }

    /**
     * Queues the derivation of whatever is still waiting anywhere (after a crash, or a failure in the
     * background) on the derivation workers; how many authors that was. Queued, not derived here: a
     * sweep that derived on its own thread during a burst derived the authors the workers were on,
     * and the three queued behind each other's row locks.
     */
    public int queuePending() {
        List<Submissions.Author> authors = submissions.pendingAuthors(null);
        authors.forEach(this::queue);
        return authors.size();
    }

    private void queue(Submissions.Author author) {
        background.execute(author, () -> deriveSeparately(author.teamId(), author.userId()));
    }

    private int deriveSeparately(String teamId, String userId) {
        try {
            Integer derived = separately.execute(status -> deriveFor(teamId, userId));
            return derived == null ? 0 : derived;
        } catch (RuntimeException e) {
            // Left in update_submission: the next sweep, read or post of this author derives it.
            log.warn("Could not derive the acknowledged updates of {} in {} yet", userId, teamId, e);
            return 0;
        }
    }

    /**
     * Derives the person's acknowledged updates, oldest first, in the current transaction. Each row is
     * locked first, so that two threads or instances never derive one twice, and a thread that waited
     * for another finds it gone and moves on to the next.
     */
    private int deriveFor(String teamId, String userId) {
        int derived = 0;
        // Rows that arrive after this read have a derivation of their own on the way.
        for (long id : submissions.waiting(teamId, userId)) {
            Optional<Submissions.Submission> locked = submissions.lock(id);
            if (locked.isEmpty()) {
                continue; // derived by another thread or instance while this one waited for the lock
            }
            Submissions.Submission submission = locked.get();
            record(submission.request(), new Filing(submission.day(), submission.filedLate()), submission.receivedAt());
            submissions.delete(submission.id());
            derived++;
        }
        return derived;
    }

    /**
     * The author's answer to a question Daybook asked about a post: record it (it is an update), add it
     * to the day's update, replace that, or leave it.
     */
    @Transactional
    public Recording answer(String teamId, long promptId, String userId, UpdatePrompt.Choice choice) {
        Optional<UpdatePromptEntity> found = prompts.findByIdAndTeamId(promptId, teamId);
        if (found.isEmpty() || !found.get().userId().equals(userId) || found.get().decided()
                || choice == UpdatePrompt.Choice.SUPERSEDED) {
            return Recording.nothing(Recording.Outcome.STALE, null, List.of());
        }
        UpdatePromptEntity prompt = found.get();
        prompt.decide(choice, clock.instant());
        RecordUpdate.Intent intent = switch (choice) {
            case RECORD -> RecordUpdate.Intent.CONFIRMED;
            case ADD -> RecordUpdate.Intent.ADD;
            case REPLACE -> RecordUpdate.Intent.REPLACE;
            case NOT_AN_UPDATE, CANCEL, SUPERSEDED -> null;
        };
        if (intent == null) {
            count(prompt.request(RecordUpdate.Intent.AS_WRITTEN).source(), "dismissed");
            return Recording.nothing(Recording.Outcome.DISMISSED, null, List.of());
        }
        return record(prompt.request(intent));
    }

    /** A channel post changed or went away before its author answered: its open questions no longer apply. */
    @Transactional
    public void forgetQuestionsAbout(String teamId, String channelId, String messageTs) {
        prompts.findOpenAbout(teamId, channelId, messageTs)
                .forEach(p -> p.decide(UpdatePrompt.Choice.SUPERSEDED, clock.instant()));
    }

    /**
     * Withdraws what a deleted Slack message contributed. An update left with no revisions is deleted;
     * otherwise it falls back to its latest remaining revision.
     */
    @Transactional
    public Optional<UpdateView> deleteMessage(String teamId, String channelId, String messageTs) {
        // A post acknowledged a moment ago is withdrawn like any other: its author's posts are derived first.
        submissions.authorOfMessage(teamId, channelId, messageTs).ifPresent(a -> deriveFor(a.teamId(), a.userId()));
        forgetQuestionsAbout(teamId, channelId, messageTs);
        Optional<UpdateEntity> found = updates.findByMessage(teamId, channelId, messageTs);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        UpdateEntity update = updates.lock(teamId, found.get().projectId(), found.get().userId(), found.get().day())
                .orElseThrow();
        revisions.deleteByMessage(teamId, channelId, messageTs);
        List<UpdateRevisionEntity> remaining = revisions.findByUpdateIdOrderByNumberDesc(update.id());
        Project project = projects.byId(update.projectId()).orElseThrow();
        if (remaining.isEmpty()) {
            return Optional.of(remove(update, project.channelId()));
        }
        UpdateRevisionEntity latest = remaining.get(0);
        ParsedUpdate parsed = parse(latest, project);
        update.restore(latest.source(), itemsOf(parsed, project.defaultCategory()), parsed.blockersStated(),
                clock.instant());
        UpdateView view = update.toView();
        events.publishEvent(UpdateRecorded.of(view, project.channelId()));
        return Optional.of(view);
    }

    /** Every version of an update, newest first, as its author can look back on them. */
    public List<Revision> history(String teamId, long updateId) {
        // Read again after the author's waiting posts are derived: one of them may be a newer revision.
        updates.findById(updateId).filter(u -> u.teamId().equals(teamId)).ifPresent(u -> settleAuthor(teamId, u.userId()));
        Optional<UpdateEntity> update = updates.findById(updateId).filter(u -> u.teamId().equals(teamId));
        if (update.isEmpty()) {
            return List.of();
        }
        int current = update.get().revision();
        Project project = projects.byId(update.get().projectId()).orElseThrow();
        return revisions.findByUpdateIdOrderByNumberDesc(updateId).stream()
                .map(r -> Revision.of(r.number(), r.source(), r.createdAt(), parse(r, project), r.number() == current))
                .toList();
    }

    /**
     * Brings back an earlier version of the author's update as its newest revision (the history keeps
     * every version, this one included). Empty when there is no such version of their update.
     */
    @Transactional
    public Optional<UpdateView> restore(String teamId, String userId, long updateId, int number) {
        deriveFor(teamId, userId);
        Optional<UpdateEntity> found = updates.findById(updateId)
                .filter(u -> u.teamId().equals(teamId) && u.userId().equals(userId));
        Optional<UpdateRevisionEntity> version = found.flatMap(u -> revisions.findByUpdateIdAndNumber(u.id(), number));
        if (version.isEmpty()) {
            return Optional.empty();
        }
        UpdateEntity update = updates.lock(teamId, found.get().projectId(), userId, found.get().day()).orElseThrow();
        Project project = projects.byId(update.projectId()).orElseThrow();
        UpdateRevisionEntity old = version.get();
        ParsedUpdate parsed = parse(old, project);
        Instant now = clock.instant();
        update.revise(old.source(), itemsOf(parsed, project.defaultCategory()), parsed.blockersStated(), now);
        revisions.save(new UpdateRevisionEntity(update, old.source(), old.rawText(), old.channelId(), old.messageTs(),
                false, now));
        UpdateView view = update.toView();
        events.publishEvent(UpdateRecorded.of(view, project.channelId()));
        count(old.source(), "restored");
        return Optional.of(view);
    }

    /** Deletes one update with all its revisions, and says so (the Slack edge removes what it shared). */
    @Transactional
    public void delete(long updateId) {
        updates.findById(updateId).ifPresent(update -> remove(update,
                projects.byId(update.projectId()).map(Project::channelId).orElse(null)));
    }

    private UpdateView remove(UpdateEntity update, String channelId) {
        UpdateView gone = update.toView();
        revisions.deleteByUpdateId(gone.id());
        updates.delete(update);
        events.publishEvent(new UpdateDeleted(gone.teamId(), gone.id(), gone.projectId(), channelId, gone.userId(),
                gone.day()));
        return gone;
    }

    /** Whether a Slack message has been recorded as (a revision of) an update. */
    public boolean isRecordedMessage(String teamId, String channelId, String messageTs) {
        return recordedMessage(teamId, channelId, messageTs)
                || submissions.authorOfMessage(teamId, channelId, messageTs).isPresent();
    }

    private boolean recordedMessage(String teamId, String channelId, String messageTs) {
        return updates.findByMessage(teamId, channelId, messageTs).isPresent();
    }

    public Optional<UpdateView> byId(long updateId) {
        return updates.findById(updateId).map(UpdateEntity::toView);
    }

    /** The author's update for the day they would file to right now, if they already wrote one. */
    public Optional<UpdateView> current(String teamId, long projectId, String userId) {
        settleAuthor(teamId, userId);
        WorkingCalendar calendar = people.profile(teamId, userId).calendar();
        Filing filing = fileFor(teamId, projectId, userId, clock.instant(), calendar);
        return updates.findByTeamIdAndProjectIdAndUserIdAndDay(teamId, projectId, userId, filing.day())
                .map(UpdateEntity::toView);
    }

    /**
     * The update the author is working on in a project: the one for the day they would file to now,
     * else their latest there.
     */
    public Optional<UpdateView> latestInProject(String teamId, long projectId, String userId) {
        return current(teamId, projectId, userId)
                .or(() -> updates.findLatestInProject(teamId, projectId, userId).map(UpdateEntity::toView));
    }

    /** The author's most recent update before today, in one project or (projectId null) any. */
    public Optional<UpdateView> previous(String teamId, String userId, Long projectId) {
        return latestBefore(teamId, userId, projectId, people.profile(teamId, userId).calendar().dayAt(clock.instant()));
    }

    /** The author's most recent update for a day before {@code day}, in one project or (projectId null) any. */
    public Optional<UpdateView> latestBefore(String teamId, String userId, Long projectId, LocalDate day) {
        settleAuthor(teamId, userId);
        return updates.findLatestBefore(teamId, userId, projectId, day).map(UpdateEntity::toView);
    }

    /** A project's updates from one day to another (inclusive), optionally of one person. */
    public List<UpdateView> inRange(String teamId, long projectId, LocalDate from, LocalDate to, String userId) {
        if (userId != null) {
            settleAuthor(teamId, userId);
        } else {
            settleProject(teamId, projectId); // the project's readers: status, the summary
        }
        return updates.findInRange(teamId, projectId, from, to, userId).stream().map(UpdateEntity::toView).toList();
    }

    /** Who posted in which project on or after {@code since} (a local day), in every workspace. */
    public List<ActiveAuthor> activeAuthors(LocalDate since) {
        settle(null);
        return updates.findActiveAuthors(since);
    }

    /** The projects in which the person has posted on or after {@code since}. */
    public Set<Long> projectsSince(String teamId, String userId, LocalDate since) {
        settleAuthor(teamId, userId);
        return Set.copyOf(updates.findProjectIdsSince(teamId, userId, since));
    }

    /** The projects in which the person has posted on or after {@code since}, and those with an update for {@code day}. */
    public AuthorProjects projectsOf(String teamId, String userId, LocalDate since, LocalDate day) {
        settleAuthor(teamId, userId);
        Set<Long> active = new HashSet<>();
        Set<Long> postedOn = new HashSet<>();
        for (AuthorProjectDays project : updates.findProjectsOfAuthor(teamId, userId, since, day)) {
            if (!project.lastDay().isBefore(since)) {
                active.add(project.projectId());
            }
            if (project.postedOnDay() > 0) {
                postedOn.add(project.projectId());
            }
        }
        return new AuthorProjects(active, postedOn);
    }

    /**
     * Every update filed for a day from {@code from} to {@code to}, in every workspace: for the
     * scheduler, which asks "who posted where" about everyone at once rather than person by person.
     */
    public List<PostedDay> postedBetween(LocalDate from, LocalDate to) {
        settle(null);
        return updates.findPostedBetween(from, to);
    }

    /** A workspace's updates from one day to another (inclusive), in every project, optionally of one person. */
    public List<UpdateView> inTeamRange(String teamId, LocalDate from, LocalDate to, String userId) {
        settleFor(teamId, userId);
        return updates.findInTeamRange(teamId, from, to, userId).stream().map(UpdateEntity::toView).toList();
    }

    /**
     * The items under Update of a workspace's updates from one day to another, of one person when
     * {@code userId} is given, in the order of their updates.
     */
    public List<DoneItem> doneInTeamRange(String teamId, LocalDate from, LocalDate to, String userId) {
        settleFor(teamId, userId);
        return updates.findDoneInTeamRange(teamId, from, to, userId);
    }

    /** {@code daybook.updates}: updates recorded, revised and rejected, by source. */
    private void count(UpdateSource source, String outcome) {
        meters.counter("daybook.updates", "source", source.label(), "outcome", outcome).increment();
    }

    private UpdateEntity openDay(RecordUpdate request, Project project, Filing filing, Instant now) {
        inserts.insert("""
                insert into daily_update (team_id, project_id, user_id, work_day, source, revision, filed_late,
                                          blockers_stated, created_at, updated_at)
                values (?, ?, ?, ?, ?, 0, ?, false, ?, ?)
                """, request.teamId(), project.id(), request.userId(), filing.day(), request.source().name(),
                filing.late(), Timestamps.of(now), Timestamps.of(now));
        return updates.lock(request.teamId(), project.id(), request.userId(), filing.day()).orElseThrow();
    }

    private Filing filing(RecordUpdate request, Project project) {
        return fileFor(request.teamId(), project.id(), request.userId(), request.postedAt(), calendarOf(request));
    }

    private WorkingCalendar calendarOf(RecordUpdate request) {
        return people.profile(request.teamId(), request.userId()).calendar();
    }

    private Recording ask(RecordUpdate request, UpdatePrompt.Kind kind, LocalDate day, UpdateView existing,
                          Project project, ParsedUpdate parsed) {
        UpdatePromptEntity prompt = prompts.save(new UpdatePromptEntity(request, kind, clock.instant()));
        count(request.source(), kind == UpdatePrompt.Kind.CONFIRM ? "asked" : "would-replace");
        return Recording.asked(kind == UpdatePrompt.Kind.CONFIRM ? Recording.Outcome.NEEDS_CONFIRMATION
                : Recording.Outcome.WOULD_REPLACE, project, parsed.problems(),
                new UpdatePrompt(prompt.id(), kind, day, existing));
    }

    /**
     * The form shows the day's update and is sent whole, and an author who chose already has chosen;
     * a command or a new channel post that would drop something is asked about.
     */
    private static boolean asksBeforeReplacing(RecordUpdate request) {
        return request.source() != UpdateSource.MODAL
                && (request.intent() == RecordUpdate.Intent.AS_WRITTEN
                    || request.intent() == RecordUpdate.Intent.CONFIRMED);
    }

    /** Whether replacing {@code before} with {@code after} would lose an item of it. */
    static boolean drops(List<UpdateItem> before, List<UpdateItem> after) {
        Set<String> kept = new HashSet<>();
        after.forEach(i -> kept.add(sameness(i)));
        return before.stream().anyMatch(i -> !kept.contains(sameness(i)));
    }

    /** The day's items, then the post's items that are not among them already. */
    static List<UpdateItem> merged(List<UpdateItem> base, List<UpdateItem> more) {
        Set<String> seen = new HashSet<>();
        List<UpdateItem> all = new java.util.ArrayList<>();
        for (UpdateItem item : base) {
            if (seen.add(sameness(item))) {
                all.add(item);
            }
        }
        for (UpdateItem item : more) {
            if (seen.add(sameness(item))) {
                all.add(item);
            }
        }
        // Grouped by part, in the order of the parts, so that the update reads as one.
        all.sort(java.util.Comparator.comparing(UpdateItem::section));
        return all;
    }

    private static String sameness(UpdateItem item) {
        return item.section() + "\u0000" + item.text().strip().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
    }

    /** A stored version read again, with the headings of the project it belongs to. */
    private ParsedUpdate parse(UpdateRevisionEntity revision, Project project) {
        return headings.parserFor(project.teamId(), project.channelId()).parse(revision.rawText(),
                revision.source().form());
    }

    private Filing fileFor(String teamId, long projectId, String userId, Instant at, WorkingCalendar zoned) {
        LocalDate today = FilingRule.today(at, zoned);
        if (!FilingRule.mayBeLate(at, zoned)) {
            return new Filing(today, false); // the afternoon, the usual case: nothing earlier to look up
        }
        // A morning post may be the previous working day's: that needs their whole calendar (time away,
        // holidays), and the project's public holidays are not working days in it either.
        WorkingCalendar calendar = people.calendar(teamId, userId)
                .withHolidays(daysOff.projectHolidays(teamId, projectId));
        LocalDate previous = FilingRule.previousWorkingDay(at, calendar);
        boolean postedBefore = updates.existsByTeamIdAndProjectIdAndUserIdAndDayBefore(teamId, projectId, userId, today);
        boolean postedToday = updates.findByTeamIdAndProjectIdAndUserIdAndDay(teamId, projectId, userId, today)
                .isPresent();
        PreviousDay previousDay = updates.findByTeamIdAndProjectIdAndUserIdAndDay(teamId, projectId, userId, previous)
                .map(u -> u.filedLate() ? PreviousDay.LATE : PreviousDay.ON_TIME)
                .orElse(PreviousDay.NONE);
        return FilingRule.dayFor(at, calendar, postedBefore, postedToday, previousDay);
    }

    static List<UpdateItem> itemsOf(ParsedUpdate parsed, Category projectDefault) {
        return parsed.items().stream()
                .map(i -> new UpdateItem(i.section(), i.text(),
                        i.category() == null ? projectDefault : i.category(), i.category() != null, i.hours(),
                        i.negative(), i.clientAsk()))
                .toList();
    }

    /**
     * Each author's latest update in a project, for those who posted on or after {@code since}: one indexed
     * read of the recent days, never the project's history.
     */
    public List<UpdateView> latestPerAuthor(String teamId, long projectId, LocalDate since) {
        settleProject(teamId, projectId);
        java.util.Map<String, LocalDate> latest = new java.util.HashMap<>();
        for (LatestDay row : updates.findLatestDays(teamId, projectId, since)) {
            latest.put(row.userId(), row.day());
        }
        if (latest.isEmpty()) {
            return List.of();
        }
        // Read from the earliest of those days on, rather than "these authors on these days": a query with
        // list parameters is translated again by Hibernate whenever the lists' lengths change.
        LocalDate earliest = Collections.min(latest.values());
        return updates.findInProjectFrom(teamId, projectId, earliest).stream()
                .filter(u -> u.day().equals(latest.get(u.userId())))
                .map(UpdateEntity::toView)
                .sorted(java.util.Comparator.comparing(UpdateView::day).reversed().thenComparing(UpdateView::userId))
                .toList();
    }

    /** The person's latest update in any project of the workspace, with its items. */
    public Optional<UpdateView> latestOf(String teamId, String userId) {
        settleAuthor(teamId, userId);
        return updates.findLatestOf(teamId, userId, 1).stream().findFirst().map(UpdateEntity::toView);
    }
}
