package dev.daybook.reminders;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import dev.daybook.people.PersonDirectory;
import dev.daybook.people.PersonRef;
import dev.daybook.people.PersonRoutine;
import dev.daybook.projects.Project;
import dev.daybook.projects.ProjectDirectory;
import dev.daybook.reminders.ReminderRule.DayState;
import dev.daybook.reminders.ReminderRule.Due;
import dev.daybook.reminders.ReminderRule.Timing;
import dev.daybook.support.Dispatches;
import dev.daybook.support.InsertIfAbsent;
import dev.daybook.support.ScheduledMessageDue;
import dev.daybook.support.Timestamps;
import dev.daybook.updates.ActiveAuthor;
import dev.daybook.updates.AuthorProjects;
import dev.daybook.updates.PostedDay;
import dev.daybook.updates.Section;
import dev.daybook.updates.UpdateItem;
import dev.daybook.updates.UpdateService;
import dev.daybook.updates.UpdateView;

/**
 * End-of-day reminders. Members of a project are the people who posted in it within
 * the active-member window ({@link ActiveAuthor#ACTIVE_DAYS}), plus everyone who saved their own settings.
 * Each gets, on their working days at their reminder time in their own time zone, one direct message
 * listing the projects they have not posted in yet that day, unless they posted in all of them, are
 * away, or all their projects are archived; then one follow-up, unless they snoozed or skipped the day.
 */
@Service
public class Reminders {

    private static final Logger log = LoggerFactory.getLogger(Reminders.class);
    /**
     * Decisions recorded per transaction. One transaction per reminder made a commit (a disk flush on
     * PostgreSQL) for each of thousands due at once; a few hundred per transaction keeps the first
     * messages going out within moments while the rest are decided.
     */
    static final int DECISIONS_PER_TRANSACTION = 200;

    private final PersonDirectory people;
    private final ProjectDirectory projects;
    private final UpdateService updates;
    private final Dispatches dispatches;
    private final ReminderDays days;
    private final InsertIfAbsent inserts;
    private final ApplicationEventPublisher events;
    private final ReminderSettings settings;
    private final Clock clock;
    private final TransactionTemplate transaction;

    Reminders(PersonDirectory people, ProjectDirectory projects, UpdateService updates, Dispatches dispatches,
              ReminderDays days, InsertIfAbsent inserts, ApplicationEventPublisher events, ReminderSettings settings,
              Clock clock, PlatformTransactionManager transactions) {
        this.people = people;
        this.projects = projects;
        this.updates = updates;
        this.dispatches = dispatches;
        this.days = days;
        this.inserts = inserts;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /**
     * Decides which reminders are due at {@code now} and hands each to the Slack edge, once: the
     * decision is recorded with the work in one transaction, so instances deciding at the same moment
     * cannot both send it (decisions go in batches of {@value #DECISIONS_PER_TRANSACTION}). Returns how
     * many were handed over.
     */
    public int sendDue(Instant now) {
        LocalDate utcToday = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Map<PersonRef, List<Long>> projectsOf = new LinkedHashMap<>();
        for (ActiveAuthor author : updates.activeAuthors(activeSince(now))) {
            projectsOf.computeIfAbsent(new PersonRef(author.teamId(), author.userId()), k -> new ArrayList<>())
                    .add(author.projectId());
        }
        Map<String, ReminderDayEntity> states = new HashMap<>();
        days.findByDayGreaterThanEqual(utcToday.minusDays(2))
                .forEach(d -> states.put(Dispatches.key(d.teamId(), d.userId(), d.day(), ""), d));
        Set<String> recorded = dispatches.recordedSince(utcToday.minusDays(2));
        Map<Long, Optional<Project>> projectCache = new HashMap<>();
        // Who posted where on the days that can be someone's today or yesterday: one query for everyone,
        // not one per person, so that thousands due at one instant are decided without thousands of queries.
        Map<String, Set<Long>> postedOn = new HashMap<>();
        for (PostedDay posted : updates.postedBetween(utcToday.minusDays(2), utcToday.plusDays(1))) {
            postedOn.computeIfAbsent(Dispatches.key(posted.teamId(), posted.userId(), posted.day(), ""),
                    k -> new HashSet<>()).add(posted.projectId());
        }
        Timing timing = new Timing(settings.followUpAfter(), settings.staleAfter());

        List<Decision> decided = new ArrayList<>();
        for (PersonRoutine routine : people.routines(projectsOf.keySet())) {
            if (!routine.settings().reminders()) {
                continue;
            }
            for (LocalDate day : ReminderRule.candidateDays(routine.calendar(), now)) {
                if (routine.isAwayOn(day)) {
                    continue;
                }
                ReminderDayEntity state = states.get(Dispatches.key(routine.teamId(), routine.userId(), day, ""));
                boolean reminderSent = recorded.contains(
                        Dispatches.key(routine.teamId(), routine.userId(), day, "reminder:reminder"));
                DayState dayState = state == null ? new DayState(false, null, 0, reminderSent)
                        : new DayState(state.skipped(), state.snoozedUntil(), state.snoozes(), reminderSent);
                for (Due due : ReminderRule.due(routine.calendar(), day, routine.settings().reminderTime(),
                        routine.settings().followUp(), dayState, timing, now)) {
                    if (recorded.contains(Dispatches.key(routine.teamId(), routine.userId(), day, due.key()))) {
                        continue;
                    }
                    List<Long> their = projectsOf.getOrDefault(new PersonRef(routine.teamId(), routine.userId()),
                            List.of());
                    Set<Long> postedIn = postedOn.getOrDefault(
                            Dispatches.key(routine.teamId(), routine.userId(), day, ""), Set.of());
                    if (audience(postedIn, their, projectCache).isEmpty()) {
                        break; // posted everywhere already, or nothing left to remind of
                    }
                    decided.add(new Decision(routine, due));
                }
            }
        }
        int handed = 0;
        for (int from = 0; from < decided.size(); from += DECISIONS_PER_TRANSACTION) {
            handed += publish(decided.subList(from, Math.min(decided.size(), from + DECISIONS_PER_TRANSACTION)));
        }
        if (handed > 0) {
            log.info("Reminders: {} due at {}.", handed, now);
        }
        return handed;
    }

    /**
     * What the reminder says, worked out as it is sent; empty when it should no longer be sent: it is
     * stale, the person has posted in the meantime, went away, skipped the day or turned reminders off.
     */
    @Transactional(readOnly = true)
    public Optional<ReminderNote> compose(ScheduledMessageDue due) {
        Instant now = clock.instant();
        ReminderKind kind = kindOf(due);
        if (ReminderRule.isStale(due.dueAt(), now, settings.staleAfter())) {
            log.info("Reminders: a {} for {} is stale (due {}); skipped.", kind, due.day(), due.dueAt());
            return Optional.empty();
        }
        String userId = due.subject();
        PersonRoutine routine = people.routine(due.teamId(), userId);
        if (!routine.settings().reminders() || routine.isAwayOn(due.day())) {
            return Optional.empty();
        }
        Optional<ReminderDayEntity> state = days.findByTeamIdAndUserIdAndDay(due.teamId(), userId, due.day());
        if (state.map(ReminderDayEntity::skipped).orElse(false)) {
            return Optional.empty();
        }
        if (kind != ReminderKind.SNOOZED && state.map(s -> s.snoozedUntil() != null).orElse(false)) {
            return Optional.empty(); // snoozed since: the snooze brings it back
        }
        AuthorProjects theirs = updates.projectsOf(due.teamId(), userId, activeSince(now), due.day());
        Optional<Audience> audience = audience(theirs.postedOn(), List.copyOf(theirs.active()),
                new HashMap<>());
        if (audience.isEmpty()) {
            return Optional.empty();
        }
        Long firstProject = audience.get().notPosted().isEmpty() ? null : audience.get().notPosted().get(0).id();
        Optional<UpdateView> previous = updates.latestBefore(due.teamId(), userId, firstProject, due.day())
                .or(() -> updates.latestBefore(due.teamId(), userId, null, due.day()));
        List<String> next = previous.map(u -> u.items(Section.NEXT).stream().map(UpdateItem::text).toList())
                .orElse(List.of());
        return Optional.of(new ReminderNote(due.teamId(), userId, due.day(), kind,
                audience.get().notPosted(), audience.get().posted(), next,
                previous.map(UpdateView::day).orElse(null)));
    }

    /** "Snooze": the day's reminder comes back after {@code daybook.reminders.snooze}; returns when. */
    @Transactional
    public Instant snooze(String teamId, String userId, LocalDate day) {
        Instant until = clock.instant().plus(settings.snooze());
        open(teamId, userId, day).snoozeUntil(until, clock.instant());
        return until;
    }

    /** "Skip today": no more reminders for this day. */
    @Transactional
    public void skip(String teamId, String userId, LocalDate day) {
        open(teamId, userId, day).skip(clock.instant());
    }

    /** Whether the day was skipped. */
    @Transactional(readOnly = true)
    public boolean skipped(String teamId, String userId, LocalDate day) {
        return days.findByTeamIdAndUserIdAndDay(teamId, userId, day).map(ReminderDayEntity::skipped).orElse(false);
    }

    private ReminderDayEntity open(String teamId, String userId, LocalDate day) {
        if (days.findByTeamIdAndUserIdAndDay(teamId, userId, day).isEmpty()) {
            inserts.insert("""
                    insert into reminder_day_state (team_id, user_id, reminder_day, skipped, snoozes, updated_at)
                    values (?, ?, ?, false, 0, ?)
                    """, teamId, userId, day, Timestamps.of(clock.instant()));
        }
        return days.lock(teamId, userId, day).orElseThrow();
    }

    /** A reminder found due: whom, and which one. */
    private record Decision(PersonRoutine routine, Due due) {
    }

    /** Records the decisions and hands them over, in one transaction; returns how many were not recorded before. */
    private int publish(List<Decision> decisions) {
        Integer published = transaction.execute(status -> {
            int count = 0;
            for (Decision decision : decisions) {
                PersonRoutine routine = decision.routine();
                Due due = decision.due();
                Optional<Long> recorded = dispatches.record(routine.teamId(), routine.userId(), due.day(), due.key(),
                        due.at());
                if (recorded.isPresent()) {
                    events.publishEvent(ScheduledMessageDue.of(due.key(), routine.teamId(), routine.userId(),
                            due.day(), recorded.get(), due.at()));
                    count++;
                }
            }
            return count;
        });
        return published == null ? 0 : published;
    }

    /** Which reminder of the day a due message is ({@code reminder:follow_up}, {@code reminder:snoozed-2}). */
    static ReminderKind kindOf(ScheduledMessageDue due) {
        String variant = due.variant();
        return variant.startsWith("snoozed") ? ReminderKind.SNOOZED : ReminderKind.valueOf(variant.toUpperCase());
    }

    private LocalDate activeSince(Instant now) {
        return ActiveAuthor.activeSince(LocalDate.ofInstant(now, ZoneOffset.UTC));
    }

    /** Whom to remind of what: their live projects without an update for the day, and those with one. */
    private record Audience(List<Project> notPosted, List<Project> posted) {
    }

    private Optional<Audience> audience(Set<Long> postedIn, List<Long> projectIds, Map<Long, Optional<Project>> cache) {
        if (projectIds.isEmpty()) {
            // Someone who asked for reminders before their first update: remind them, unless they posted.
            return postedIn.isEmpty() ? Optional.of(new Audience(List.of(), List.of())) : Optional.empty();
        }
        List<Project> live = projectIds.stream()
                .map(id -> cache.computeIfAbsent(id, projects::byId))
                .flatMap(Optional::stream)
                .filter(p -> !p.archived())
                .sorted(java.util.Comparator.comparing(Project::name))
                .toList();
        List<Project> notPosted = live.stream().filter(p -> !postedIn.contains(p.id())).toList();
        if (notPosted.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new Audience(notPosted, live.stream().filter(p -> postedIn.contains(p.id())).toList()));
    }

    /** The settings the Slack edge shows people. */
    public ReminderTiming timing() {
        return new ReminderTiming(settings.followUpAfter(), settings.snooze());
    }
}
