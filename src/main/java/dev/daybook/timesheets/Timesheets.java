package dev.daybook.timesheets;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.daybook.budget.Budget;
import dev.daybook.people.PersonDirectory;
import dev.daybook.people.PersonProfile;
import dev.daybook.projects.Category;
import dev.daybook.projects.Project;
import dev.daybook.updates.UpdateService;
import dev.daybook.updates.UpdateView;

/** Timesheets of one workspace's projects, for the API and the Slack file alike. */
@Service
public class Timesheets {

    private final UpdateService updates;
    private final PersonDirectory people;
    private final Budget budget;

    Timesheets(UpdateService updates, PersonDirectory people, Budget budget) {
        this.updates = updates;
        this.people = people;
        this.budget = budget;
    }

    /**
     * The timesheet of these projects (all in {@code teamId}) for the range, of one person when
     * {@code userId} is given, of one category when {@code only} is.
     */
    @Transactional(readOnly = true)
    public Timesheet of(String teamId, List<Project> projects, TimesheetRange range, String userId, Category only) {
        Map<Long, Project> byId = projects.stream()
                .filter(p -> p.teamId().equals(teamId))
                .collect(Collectors.toMap(Project::id, Function.identity()));
        List<UpdateView> found = byId.size() == 1
                ? updates.inRange(teamId, byId.keySet().iterator().next(), range.from(), range.to(), userId)
                : updates.inTeamRange(teamId, range.from(), range.to(), userId);
        Set<String> authors = new HashSet<>();
        found.forEach(u -> authors.add(u.userId()));
        Map<String, PersonProfile> profiles = people.profiles(teamId, authors);
        return TimesheetRule.build(range.from(), range.to(), found, byId,
                user -> profiles.containsKey(user) ? profiles.get(user).name() : user, only, budget.target(teamId));
    }

    /** A category as written in a request: {@code core}, {@code adjacent}, {@code moonshot}, or 70, 20, 10. */
    public static java.util.Optional<Category> category(String written) {
        if (written == null) {
            return java.util.Optional.empty();
        }
        return switch (written.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "core", "70" -> java.util.Optional.of(Category.CORE);
            case "adjacent", "20", "learning" -> java.util.Optional.of(Category.ADJACENT);
            case "moonshot", "10" -> java.util.Optional.of(Category.MOONSHOT);
            default -> java.util.Optional.empty();
        };
    }
}
