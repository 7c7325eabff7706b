package dev.daybook.status;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.daybook.goals.GoalService;
import dev.daybook.goals.GoalStatus;
import dev.daybook.people.DaysOff;
import dev.daybook.people.PersonDirectory;
import dev.daybook.people.PersonRoutine;
import dev.daybook.people.WorkingCalendar;
import dev.daybook.projects.Project;
import dev.daybook.projects.ProjectDirectory;
import dev.daybook.runs.RunService;
import dev.daybook.updates.ActiveAuthor;
import dev.daybook.updates.Blockers;
import dev.daybook.updates.OpenBlocker;
import dev.daybook.updates.Section;
import dev.daybook.updates.UpdateItem;
import dev.daybook.updates.UpdateService;
import dev.daybook.updates.UpdateView;

/**
 * A project's status from what the team wrote. Reads each active member's latest update and the open
 * blockers: a few indexed reads however long the project's history.
 */
@Service
@Transactional(readOnly = true)
public class StatusService {

    /** Latest runs shown in a status. */
    static final int LATEST_RUNS = 5;

    private final UpdateService updates;
    private final Blockers blockers;
    private final PersonDirectory people;
    private final GoalService goals;
    private final RunService runs;
    private final Clock clock;
    private final DaysOff daysOff;
    private final ProjectDirectory projects;

    StatusService(UpdateService updates, Blockers blockers, PersonDirectory people, GoalService goals, RunService runs,
                  Clock clock, DaysOff daysOff, ProjectDirectory projects) {
        this.daysOff = daysOff;
        this.projects = projects;
        this.goals = goals;
        this.runs = runs;
        this.updates = updates;
        this.blockers = blockers;
        this.people = people;
        this.clock = clock;
    }

    /** How far back "what have we ruled out" looks. */
    public static final int RULED_OUT_DAYS = 90;
    /** The most negative results one answer lists. */
    static final int MOST_RULED_OUT = 20;

    /**
     * A negative result: what was tried and did not work, the day it is filed under and the update it is
     * in (to cite). No author: they are the team's findings, never shown as someone's failures.
     */
    public record RuledOut(String text, LocalDate day, long updateId) {
    }

    /** The project's negative results of the last {@link #RULED_OUT_DAYS} days, newest first. */
    public List<RuledOut> ruledOut(Project project) {
        LocalDate latest = WorkingCalendar.latestDayOnEarth(clock.instant());
        List<RuledOut> found = new ArrayList<>();
        for (UpdateView update : updates.inRange(project.teamId(), project.id(), latest.minusDays(RULED_OUT_DAYS),
                latest, null)) {
            update.items(Section.UPDATE).stream().filter(UpdateItem::negative)
                    .forEach(i -> found.add(new RuledOut(i.text(), update.day(), update.id())));
        }
        found.sort(java.util.Comparator.comparing(RuledOut::day).reversed());
        return found.size() > MOST_RULED_OUT ? List.copyOf(found.subList(0, MOST_RULED_OUT)) : List.copyOf(found);
    }

    public ProjectStatus status(Project project) {
        Instant now = clock.instant();
        LocalDate today = LocalDate.ofInstant(now, projects.zone(project));
        List<UpdateView> latestUpdates = updates.latestPerAuthor(project.teamId(), project.id(),
                ActiveAuthor.activeSince(today));
        List<OpenBlocker> openBlockers = blockers.openBlockers(project.teamId(), project.id());
        Set<String> named = new HashSet<>();
        latestUpdates.forEach(u -> named.add(u.userId()));
        openBlockers.forEach(b -> named.add(b.userId()));
        Map<String, PersonRoutine> routines = people.routines(project.teamId(), named);
        Set<LocalDate> holidays = daysOff.projectHolidays(project.teamId(), project.id());
        List<ProjectStatus.MemberUpdate> members = new ArrayList<>();
        List<ProjectStatus.Quiet> quiet = new ArrayList<>();
        for (UpdateView latest : latestUpdates) {
            PersonRoutine routine = routines.get(latest.userId());
            String name = routine.profile().name();
            members.add(new ProjectStatus.MemberUpdate(latest.userId(), name, latest.day(),
                    texts(latest, Section.UPDATE), texts(latest, Section.NEXT), latest.id()));
            // Their own calendar: their today, their working days, their time away.
            WorkingCalendar calendar = routine.calendar().withHolidays(holidays);
            LocalDate theirToday = calendar.dayAt(now);
            if (!calendar.isAway(theirToday) && QuietRule.isQuiet(latest.day(), theirToday, calendar)) {
                quiet.add(new ProjectStatus.Quiet(latest.userId(), name, latest.day(),
                        QuietRule.workingDaysSince(latest.day(), theirToday, calendar)));
            }
        }
        List<ProjectStatus.Blocker> open = new ArrayList<>();
        Map<Long, Long> listedIn = openBlockers.isEmpty() ? Map.of() : blockers.latestReports(project.teamId(), project.id());
        for (OpenBlocker b : openBlockers) {
            String author = routines.get(b.userId()).profile().name();
            open.add(new ProjectStatus.Blocker(b.id(), b.userId(), author, b.text(), b.firstReported(), b.ageDays(),
                    listedIn.get(b.id()), b.clientSince(), b.clientAgeDays()));
        }
        return new ProjectStatus(project, now, today, members, open, quiet,
                goals.progress(project.teamId(), project.id(), now).stream()
                        .filter(g -> g.goal().status() != GoalStatus.DROPPED).toList(),
                runs.recent(project.teamId(), project.id(), LATEST_RUNS));
    }

    private static List<String> texts(UpdateView update, Section section) {
        return update.items(section).stream().map(UpdateItem::text).toList();
    }
}
