package dev.daybook.updates;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.daybook.people.PersonDirectory;
import dev.daybook.people.WorkingCalendar;
import dev.daybook.projects.Category;
import dev.daybook.projects.Project;
import dev.daybook.projects.ProjectDirectory;
import dev.daybook.support.InsertIfAbsent;
import dev.daybook.support.StorableText;
import dev.daybook.support.Timestamps;
import dev.daybook.updates.FilingRule.Filing;
import dev.daybook.updates.FilingRule.PreviousDay;

/**
 * Records end-of-day updates: one per person, project and local day, revised by later posts that day,
 * with every revision kept.
 */
@Service
@Transactional(readOnly = true)
public class UpdateService {

    private final Updates updates;
    private final UpdateRevisions revisions;
    private final ProjectDirectory projects;
    private final PersonDirectory people;
    private final ApplicationEventPublisher events;
    private final InsertIfAbsent inserts;
    private final MeterRegistry meters;
    private final UpdateParser parser = new UpdateParser();
    private final Clock clock;

    UpdateService(Updates updates, UpdateRevisions revisions, ProjectDirectory projects, PersonDirectory people,
                  ApplicationEventPublisher events, InsertIfAbsent inserts, MeterRegistry meters, Clock clock) {
        this.inserts = inserts;
        this.meters = meters;
        this.updates = updates;
        this.revisions = revisions;
        this.projects = projects;
        this.people = people;
        this.events = events;
        this.clock = clock;
    }

    /** Reads a text as the parser would for the given source, without storing anything. */
    public ParsedUpdate read(String text, UpdateSource source) {
        return parser.parse(text, source.form());
    }

    /**
     * Records an update, or revises the one it belongs to: the same message edited, or the same
     * author's update for the same day and project.
     */
    @Transactional
    public Recording record(RecordUpdate request) {
        ParsedUpdate parsed = parser.parse(request.text(), request.source().form());
        Optional<UpdateEntity> fromSameMessage = request.messageTs() == null ? Optional.empty()
                : updates.findByMessage(request.teamId(), request.channelId(), request.messageTs())
                        .filter(u -> u.userId().equals(request.userId())); // only its author edits a message
        if (!parsed.recognised() || parsed.isEmpty()) {
            Recording.Outcome outcome = parsed.recognised() ? Recording.Outcome.REJECTED : Recording.Outcome.NOT_AN_UPDATE;
            if (outcome == Recording.Outcome.REJECTED) {
                count(request.source(), "rejected");
            }
            return new Recording(outcome, null, projects.byChannel(request.teamId(), request.channelId()).orElse(null),
                    false, parsed.problems());
        }

        Project project = projects.open(request.teamId(), request.channelId(), request.channelName());
        Instant now = clock.instant();
        UpdateEntity update = fromSameMessage
                .map(u -> updates.lock(u.teamId(), u.projectId(), u.userId(), u.day()).orElseThrow())
                .orElseGet(() -> openDay(request, project, now));
        boolean revised = update.revision() > 0;

        update.revise(request.source(), itemsOf(parsed, project.defaultCategory()), now);
        revisions.save(new UpdateRevisionEntity(update, request.source(), StorableText.of(request.text()).strip(),
                request.channelId(), request.messageTs(), now));

        events.publishEvent(new UpdateRecorded(update.teamId(), update.id(), update.revision(), project.id(),
                project.channelId(), update.userId(), update.day(), request.source(), request.messageTs(),
                update.filedLate(), parsed.problems()));
        count(request.source(), revised ? "revised" : "recorded");
        return new Recording(Recording.Outcome.RECORDED, update.toView(), project, revised, parsed.problems());
    }

    /**
     * Withdraws what a deleted Slack message contributed. An update left with no revisions is deleted;
     * otherwise it falls back to its latest remaining revision.
     */
    @Transactional
    public Optional<UpdateView> deleteMessage(String teamId, String channelId, String messageTs) {
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
        ParsedUpdate parsed = parser.parse(latest.rawText(), latest.source().form());
        update.restore(latest.source(), itemsOf(parsed, project.defaultCategory()), clock.instant());
        events.publishEvent(new UpdateRecorded(teamId, update.id(), update.revision(), project.id(),
                project.channelId(), update.userId(), update.day(), latest.source(), null, update.filedLate(),
                List.of()));
        return Optional.of(update.toView());
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
        return updates.findByMessage(teamId, channelId, messageTs).isPresent();
    }

    public Optional<UpdateView> byId(long updateId) {
        return updates.findById(updateId).map(UpdateEntity::toView);
    }

    /** The author's update for the day they would file to right now, if they already wrote one. */
    public Optional<UpdateView> current(String teamId, long projectId, String userId) {
        WorkingCalendar calendar = people.profile(teamId, userId).calendar();
        Filing filing = fileFor(teamId, projectId, userId, clock.instant(), calendar);
        return updates.findByTeamIdAndProjectIdAndUserIdAndDay(teamId, projectId, userId, filing.day())
                .map(UpdateEntity::toView);
    }

    /** The author's most recent update before today, in one project or (projectId null) any. */
    public Optional<UpdateView> previous(String teamId, String userId, Long projectId) {
        return latestBefore(teamId, userId, projectId, people.profile(teamId, userId).calendar().dayAt(clock.instant()));
    }

    /** The author's most recent update for a day before {@code day}, in one project or (projectId null) any. */
    public Optional<UpdateView> latestBefore(String teamId, String userId, Long projectId, LocalDate day) {
        return updates.findLatestBefore(teamId, userId, projectId, day).map(UpdateEntity::toView);
    }

    /** A project's updates from one day to another (inclusive), optionally of one person. */
    public List<UpdateView> inRange(String teamId, long projectId, LocalDate from, LocalDate to, String userId) {
        return updates.findInRange(teamId, projectId, from, to, userId).stream().map(UpdateEntity::toView).toList();
    }

    /** Who posted in which project on or after {@code since} (a local day), in every workspace. */
    public List<ActiveAuthor> activeAuthors(LocalDate since) {
        return updates.findActiveAuthors(since);
    }

    /** The projects in which the person has posted on or after {@code since}. */
    public Set<Long> projectsSince(String teamId, String userId, LocalDate since) {
        return Set.copyOf(updates.findProjectIdsSince(teamId, userId, since));
    }

    /** The projects in which the person has posted on or after {@code since}, and those with an update for {@code day}. */
    public AuthorProjects projectsOf(String teamId, String userId, LocalDate since, LocalDate day) {
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
        return updates.findPostedBetween(from, to);
    }

    /** A workspace's updates from one day to another (inclusive), in every project, optionally of one person. */
    public List<UpdateView> inTeamRange(String teamId, LocalDate from, LocalDate to, String userId) {
        return updates.findInTeamRange(teamId, from, to, userId).stream().map(UpdateEntity::toView).toList();
    }

    /**
     * The items under Update of a workspace's updates from one day to another, of one person when
     * {@code userId} is given, in the order of their updates.
     */
    public List<DoneItem> doneInTeamRange(String teamId, LocalDate from, LocalDate to, String userId) {
        return updates.findDoneInTeamRange(teamId, from, to, userId);
    }

    /** {@code daybook.updates}: updates recorded, revised and rejected, by source. */
    private void count(UpdateSource source, String outcome) {
        meters.counter("daybook.updates", "source", source.label(), "outcome", outcome).increment();
    }

    private UpdateEntity openDay(RecordUpdate request, Project project, Instant now) {
        WorkingCalendar calendar = people.profile(request.teamId(), request.userId()).calendar();
        Filing filing = fileFor(request.teamId(), project.id(), request.userId(), request.postedAt(), calendar);
        Optional<UpdateEntity> existing = updates.lock(request.teamId(), project.id(), request.userId(), filing.day());
        if (existing.isPresent()) {
            return existing.get();
        }
        inserts.insert("""
                insert into daily_update (team_id, project_id, user_id, work_day, source, revision, filed_late,
                                          created_at, updated_at)
                values (?, ?, ?, ?, ?, 0, ?, ?, ?)
                """, request.teamId(), project.id(), request.userId(), filing.day(), request.source().name(),
                filing.late(), Timestamps.of(now), Timestamps.of(now));
        return updates.lock(request.teamId(), project.id(), request.userId(), filing.day()).orElseThrow();
    }

    private Filing fileFor(String teamId, long projectId, String userId, Instant at, WorkingCalendar calendar) {
        LocalDate today = FilingRule.today(at, calendar);
        if (!FilingRule.mayBeLate(at, calendar)) {
            return new Filing(today, false); // the afternoon, the usual case: nothing earlier to look up
        }
        LocalDate previous = FilingRule.previousWorkingDay(at, calendar);
        boolean postedBefore = updates.existsByTeamIdAndProjectIdAndUserIdAndDayBefore(teamId, projectId, userId, today);
        boolean postedToday = updates.findByTeamIdAndProjectIdAndUserIdAndDay(teamId, projectId, userId, today)
                .isPresent();
        PreviousDay previousDay = updates.findByTeamIdAndProjectIdAndUserIdAndDay(teamId, projectId, userId, previous)
                .map(u -> u.filedLate() ? PreviousDay.LATE : PreviousDay.ON_TIME)
                .orElse(PreviousDay.NONE);
        return FilingRule.dayFor(at, calendar, postedBefore, postedToday, previousDay);
    }

    private static List<UpdateItem> itemsOf(ParsedUpdate parsed, Category projectDefault) {
        return parsed.items().stream()
                .map(i -> new UpdateItem(i.section(), i.text(),
                        i.category() == null ? projectDefault : i.category(), i.category() != null, i.hours()))
                .toList();
    }

    /**
     * Each author's latest update in a project, for those who posted on or after {@code since}: one indexed
     * read of the recent days, never the project's history.
     */
    public List<UpdateView> latestPerAuthor(String teamId, long projectId, LocalDate since) {
        java.util.Map<String, LocalDate> latest = new java.util.HashMap<>();
        for (Object[] row : updates.findLatestDays(teamId, projectId, since)) {
            latest.put((String) row[0], (LocalDate) row[1]);
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
        return updates.findLatestOf(teamId, userId, 1).stream().findFirst().map(UpdateEntity::toView);
    }
}
