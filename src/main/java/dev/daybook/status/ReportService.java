package dev.daybook.status;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.daybook.people.PersonDirectory;
import dev.daybook.projects.Project;
import dev.daybook.projects.ProjectDirectory;
import dev.daybook.updates.Section;
import dev.daybook.updates.UpdateService;
import dev.daybook.updates.UpdateView;

/** Date-range reports per person, in one project or every project of a workspace. */
@Service
@Transactional(readOnly = true)
public class ReportService {

    /** Longest range one report covers, as for the read API. */
    public static final int MAX_DAYS = 93;

    private final UpdateService updates;
    private final ProjectDirectory projects;
    private final PersonDirectory people;

    ReportService(UpdateService updates, ProjectDirectory projects, PersonDirectory people) {
        this.updates = updates;
        this.projects = projects;
        this.people = people;
    }

    /**
     * @param projectId null for every project of the workspace
     * @param userId    null for everyone
     */
    public Report report(String teamId, Long projectId, String userId, LocalDate from, LocalDate to) {
        if (from.isAfter(to) || ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw new IllegalArgumentException("A report covers 1 to " + MAX_DAYS + " days");
        }
        List<UpdateView> found = projectId == null ? updates.inTeamRange(teamId, from, to, userId)
                : updates.inRange(teamId, projectId, from, to, userId);
        Map<Long, String> names = projects.all(teamId).stream()
                .collect(Collectors.toMap(Project::id, Project::name, (a, b) -> a));
        Map<String, List<Report.Day>> byPerson = new LinkedHashMap<>();
        for (UpdateView u : found) {
            byPerson.computeIfAbsent(u.userId(), k -> new ArrayList<>()).add(new Report.Day(u.day(), u.projectId(),
                    names.getOrDefault(u.projectId(), String.valueOf(u.projectId())), items(u, Section.UPDATE),
                    items(u, Section.NEXT)));
        }
        Map<String, String> personNames = new HashMap<>();
        byPerson.keySet().forEach(id -> personNames.put(id, people.profile(teamId, id).name()));
        List<Report.PersonReport> reports = byPerson.entrySet().stream()
                .map(e -> new Report.PersonReport(e.getKey(), personNames.get(e.getKey()),
                        e.getValue().stream().sorted(Comparator.comparing(Report.Day::day)
                                .thenComparing(Report.Day::projectName)).toList()))
                .sorted(Comparator.comparing(Report.PersonReport::name, String.CASE_INSENSITIVE_ORDER))
                .toList();
        return new Report(from, to, reports);
    }

    private static List<Report.Item> items(UpdateView update, Section section) {
        return update.items(section).stream().map(i -> new Report.Item(i.text(), i.hours())).toList();
    }
}
