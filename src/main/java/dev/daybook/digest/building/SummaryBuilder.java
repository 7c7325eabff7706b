package dev.daybook.digest.building;

import dev.daybook.digest.IsoWeek;
import dev.daybook.digest.summary.Line;
import dev.daybook.digest.summary.Plan;
import dev.daybook.digest.summary.Poster;
import dev.daybook.digest.summary.TimeSplit;
import dev.daybook.digest.summary.WeeklySummary;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import dev.daybook.budget.Budget;
import dev.daybook.budget.BudgetPolicy;
import dev.daybook.people.PersonDirectory;
import dev.daybook.projects.Project;
import dev.daybook.updates.Section;
import dev.daybook.updates.UpdateItem;
import dev.daybook.updates.UpdateService;
import dev.daybook.updates.UpdateView;

/** Builds a project's {@link WeeklySummary} from what is stored; nothing in it is made up. */
@Component
public class SummaryBuilder {

    private final UpdateService updates;
    private final PersonDirectory people;
    private final Budget budget;
    private final WeekEvidence evidence;
    private final Clock clock;

    SummaryBuilder(UpdateService updates, PersonDirectory people, Budget budget, WeekEvidence evidence, Clock clock) {
        this.updates = updates;
        this.people = people;
        this.budget = budget;
        this.evidence = evidence;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public WeeklySummary build(Project project, ZoneId zone, IsoWeek week) {
        List<UpdateView> filed = updates.inRange(project.teamId(), project.id(), week.monday(), week.sunday(), null);
        Map<String, String> names = new HashMap<>();
        people.profiles(project.teamId(), filed.stream().map(UpdateView::userId).collect(Collectors.toSet()))
                .forEach((userId, profile) -> names.put(userId, profile.name()));
        List<Line> done = new ArrayList<>();
        List<Line> ruledOut = new ArrayList<>();
        List<Line> blockers = new ArrayList<>();
        Map<String, TreeSet<LocalDate>> days = new LinkedHashMap<>();
        Map<String, UpdateView> latest = new LinkedHashMap<>();
        for (UpdateView update : filed) {
            String name = names.get(update.userId());
            for (UpdateItem item : update.items(Section.UPDATE)) {
                // A negative result is a finding, not a highlight: it goes to "What we ruled out".
                (item.negative() ? ruledOut : done).add(new Line(update.userId(), name, update.day(), item.text()));
            }
            for (UpdateItem item : update.items(Section.BLOCKER)) {
                if (item.saysNothingBlocks()) {
                    continue; // "Blockers: none" reports no blocker, so it is none resolved either
                }
                blockers.add(new Line(update.userId(), name, update.day(), item.text()));
            }
            days.computeIfAbsent(update.userId(), u -> new TreeSet<>()).add(update.day());
            latest.merge(update.userId(), update, (a, b) -> b.day().isAfter(a.day()) ? b : a);
        }
        List<Plan> plans = latest.values().stream()
                .filter(u -> !u.items(Section.NEXT).isEmpty())
                .map(u -> new Plan(u.userId(), names.get(u.userId()), u.day(),
                        u.items(Section.NEXT).stream().map(UpdateItem::text).toList()))
                .sorted(Comparator.comparing(Plan::person, String.CASE_INSENSITIVE_ORDER))
                .toList();
        List<Poster> posters = days.entrySet().stream()
                .map(e -> new Poster(e.getKey(), names.get(e.getKey()), e.getValue().size()))
                .sorted(Comparator.comparingInt(Poster::days).reversed()
                        .thenComparing(Poster::person, String.CASE_INSENSITIVE_ORDER))
                .toList();
        Instant start = week.monday().atStartOfDay(zone).toInstant();
        Instant end = week.sunday().plusDays(1).atStartOfDay(zone).toInstant();
        // A week still under way is summarised as it stands today: what is open now, goals as of now.
        // Its bounds as instants are the project's (runs, goals); updates and blockers are compared by
        // their authors' own dates with its Monday to Sunday.
        Instant asOf = clock.instant().isBefore(end) ? clock.instant() : end;
        return new WeeklySummary(project.teamId(), project.id(), project.name(), project.client(), week,
                filed.size(), done.size(), HighlightRule.pick(done),
                evidence.goals(project.teamId(), project.id(), asOf, zone),
                evidence.runs(project.teamId(), project.id(), start, end, zone),
                blockers,
                evidence.openBlockers(project.teamId(), project.id(), week.sunday()),
                plans,
                new TimeSplit(BudgetPolicy.split(filed), budget.target(project.teamId())),
                posters, ruledOut);
    }
}
