package dev.daybook.budget;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashSet;
import java.util.List;
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
import dev.daybook.people.WorkingCalendar;
import dev.daybook.support.Dispatches;
import dev.daybook.support.ScheduledMessageDue;
import dev.daybook.support.InsertIfAbsent;
import dev.daybook.support.Timestamps;
import dev.daybook.updates.ActiveAuthor;
import dev.daybook.updates.DoneItem;
import dev.daybook.updates.UpdateService;

/**
 * The 70/20/10 budget: splits for a person and their team, the team's target, and the scheduled
 * notes (Monday planning note, mid-week nudge), each sent at most once per person and week.
 */
@Service
public class Budget {

    static final String PLANNING = "budget:planning";
    static final String NUDGE = "budget:nudge";

    private static final Logger log = LoggerFactory.getLogger(Budget.class);

    private final UpdateService updates;
    private final PersonDirectory people;
    private final BudgetTargets targets;
    private final Dispatches dispatches;
    private final InsertIfAbsent inserts;
    private final ApplicationEventPublisher events;
    private final BudgetSettings settings;
    private final Clock clock;
    private final TransactionTemplate transaction;

    Budget(UpdateService updates, PersonDirectory people, BudgetTargets targets, Dispatches dispatches,
           InsertIfAbsent inserts, ApplicationEventPublisher events, BudgetSettings settings, Clock clock,
           PlatformTransactionManager transactions) {
        this.updates = updates;
        this.people = people;
        this.targets = targets;
        this.dispatches = dispatches;
        this.inserts = inserts;
        this.events = events;
        this.settings = settings;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** The team's target; 70/20/10 unless the team set its own. */
    @Transactional(readOnly = true)
    public BudgetTarget target(String teamId) {
        return targets.findByTeamId(teamId).map(BudgetTargetEntity::toTarget).orElse(BudgetTarget.DEFAULT);
    }

    @Transactional
    public BudgetTarget setTarget(String teamId, String userId, BudgetTarget target) {
        if (targets.findByTeamId(teamId).isEmpty()) {
            inserts.insert("""
                    insert into budget_target (team_id, core_percent, adjacent_percent, moonshot_percent, updated_by, updated_at)
                    values (?, ?, ?, ?, ?, ?)
                    """, teamId, target.core(), target.adjacent(), target.moonshot(), userId,
                    Timestamps.of(clock.instant()));
        }
        targets.lock(teamId).orElseThrow().set(target, userId, clock.instant());
        return target;
    }

    /** The person's and the team's split this week (so far) and last week, weeks in the person's own days. */
    @Transactional(readOnly = true)
    public BudgetReport report(String teamId, String userId) {
        WorkingCalendar calendar = people.profile(teamId, userId).calendar();
        return report(teamId, userId, WorkingCalendar.weekOf(calendar.dayAt(clock.instant())));
    }

    private BudgetReport report(String teamId, String userId, LocalDate monday) {
        // The team's two weeks in one read; the person's are among them.
        List<DoneItem> twoWeeks = updates.doneInTeamRange(teamId, monday.minusDays(7), monday.plusDays(6), null);
        List<DoneItem> thisWeek = twoWeeks.stream().filter(i -> !i.day().isBefore(monday)).toList();
        List<DoneItem> lastWeek = twoWeeks.stream().filter(i -> i.day().isBefore(monday)).toList();
        return new BudgetReport(teamId, userId, target(teamId), monday,
                BudgetPolicy.splitOf(ofPerson(thisWeek, userId)), BudgetPolicy.splitOf(ofPerson(lastWeek, userId)),
                BudgetPolicy.splitOf(thisWeek), BudgetPolicy.splitOf(lastWeek));
    }

    private static List<DoneItem> ofPerson(List<DoneItem> done, String userId) {
        return done.stream().filter(i -> i.userId().equals(userId)).toList();
    }

    /** The person's own split of a week, without the team's: all that deciding whether a note is due needs. */
    private Split mine(String teamId, String userId, LocalDate monday) {
        return BudgetPolicy.splitOf(updates.doneInTeamRange(teamId, monday, monday.plusDays(6), userId));
    }

    /**
     * Decides which planning notes and nudges are due at {@code now} and hands each to the Slack edge
     * once. Planning note: on the person's first working day of the week at
     * {@code daybook.budget.planning-time}, when they recorded anything last week. Nudge: Wednesday
     * or Thursday at {@code daybook.budget.nudge-time}, when their week is drifting; once a week.
     */
    public int sendDue(Instant now) {
        LocalDate utcToday = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Set<PersonRef> active = new LinkedHashSet<>();
        for (ActiveAuthor author : updates.activeAuthors(ActiveAuthor.activeSince(utcToday))) {
            active.add(new PersonRef(author.teamId(), author.userId()));
        }
        Set<String> recorded = dispatches.recordedSince(utcToday.minusDays(14));
        int handed = 0;
        for (PersonRoutine routine : people.routines(active)) {
            WorkingCalendar calendar = routine.calendar();
            LocalDate today = calendar.dayAt(now);
            LocalDate monday = WorkingCalendar.weekOf(today);
            if (!calendar.isWorkingDay(today) || routine.isAwayOn(today)) {
                continue;
            }
            if (routine.settings().planningNote() && today.equals(calendar.firstWorkingDayOfWeek(today))
                    && !recorded.contains(Dispatches.key(routine.teamId(), routine.userId(), monday, PLANNING))) {
                Instant at = calendar.momentOn(today, settings.planningTime());
                if (isDue(at, now) && planningDue(routine.teamId(), routine.userId(), monday)
                        && publish(routine, monday, BudgetNoteKind.PLANNING, at)) {
                    handed++;
                }
            }
            DayOfWeek weekday = today.getDayOfWeek();
            if (routine.settings().budgetNudge()
                    && (weekday == DayOfWeek.WEDNESDAY || weekday == DayOfWeek.THURSDAY)
                    && !recorded.contains(Dispatches.key(routine.teamId(), routine.userId(), monday, NUDGE))) {
                Instant at = calendar.momentOn(today, settings.nudgeTime());
                if (isDue(at, now) && nudgeDue(routine.teamId(), routine.userId(), monday, weekday)
                        && publish(routine, monday, BudgetNoteKind.NUDGE, at)) {
                    handed++;
                }
            }
        }
        if (handed > 0) {
            log.info("Budget: {} notes due at {}.", handed, now);
        }
        return handed;
    }

    /** What the note says, as it is sent; empty when it should no longer go out (stale, away, turned off). */
    @Transactional(readOnly = true)
    public Optional<BudgetNote> compose(ScheduledMessageDue due) {
        BudgetNoteKind kind = PLANNING.equals(due.kind()) ? BudgetNoteKind.PLANNING : BudgetNoteKind.NUDGE;
        String userId = due.subject();
        Instant now = clock.instant();
        if (!now.isBefore(due.dueAt().plus(settings.staleAfter()))) {
            log.info("Budget: a {} note for the week of {} is stale (due {}); skipped.", kind, due.day(), due.dueAt());
            return Optional.empty();
        }
        PersonRoutine routine = people.routine(due.teamId(), userId);
        LocalDate today = routine.calendar().dayAt(now);
        if (routine.isAwayOn(today)) {
            return Optional.empty();
        }
        return switch (kind) {
            case PLANNING -> routine.settings().planningNote()
                    ? planning(due.teamId(), userId, due.day()) : Optional.empty();
            case NUDGE -> routine.settings().budgetNudge()
                    ? nudge(due.teamId(), userId, due.day(), today.getDayOfWeek()) : Optional.empty();
        };
    }

    private Optional<BudgetNote> planning(String teamId, String userId, LocalDate monday) {
        BudgetReport report = report(teamId, userId, monday);
        if (report.mineLastWeek().isEmpty()) {
            return Optional.empty(); // nothing to plan from
        }
        return Optional.of(new BudgetNote(BudgetNoteKind.PLANNING, report,
                BudgetPolicy.drift(report.mineLastWeek(), report.target(), DayOfWeek.SUNDAY)));
    }

    private Optional<BudgetNote> nudge(String teamId, String userId, LocalDate monday, DayOfWeek today) {
        BudgetReport report = report(teamId, userId, monday);
        List<Drift> drifts = BudgetPolicy.drift(report.mine(), report.target(), today);
        return drifts.isEmpty() ? Optional.empty() : Optional.of(new BudgetNote(BudgetNoteKind.NUDGE, report, drifts));
    }

    /*
     * Deciding asks the same questions as composing (planning, nudge), of the person's own week only:
     * the team's weeks, which the note shows, are read once the note is composed.
     */
    private boolean planningDue(String teamId, String userId, LocalDate monday) {
        return !mine(teamId, userId, monday.minusDays(7)).isEmpty();
    }

    private boolean nudgeDue(String teamId, String userId, LocalDate monday, DayOfWeek today) {
        return !BudgetPolicy.drift(mine(teamId, userId, monday), target(teamId), today).isEmpty();
    }

    private boolean isDue(Instant at, Instant now) {
        return !now.isBefore(at) && now.isBefore(at.plus(settings.staleAfter()));
    }

    private boolean publish(PersonRoutine routine, LocalDate monday, BudgetNoteKind kind, Instant at) {
        String key = kind == BudgetNoteKind.PLANNING ? PLANNING : NUDGE;
        Boolean published = transaction.execute(status -> dispatches
                .record(routine.teamId(), routine.userId(), monday, key, at)
                .map(id -> {
                    events.publishEvent(ScheduledMessageDue.of(key, routine.teamId(), routine.userId(), monday, id, at));
                    return true;
                })
                .orElse(false));
        return Boolean.TRUE.equals(published);
    }
}
