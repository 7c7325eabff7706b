package dev.daybook.goals;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import dev.daybook.access.ApiCaller;
import dev.daybook.access.ApiProjects;
import dev.daybook.projects.Project;

/** {@code GET /api/v1/goals?project=}: a project's goals with their progress. */
@RestController
class GoalsApiController {

    private final GoalService goals;
    private final ApiProjects projects;
    private final Clock clock;

    GoalsApiController(GoalService goals, ApiProjects projects, Clock clock) {
        this.goals = goals;
        this.projects = projects;
        this.clock = clock;
    }

    @GetMapping("/api/v1/goals")
    List<GoalJson> list(@RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller,
                        @RequestParam(required = false) String project,
                        @RequestParam(required = false) String team) {
        Project found = projects.resolve(caller, project, team);
        return goals.progress(found.teamId(), found.id(), clock.instant()).stream().map(GoalJson::of).toList();
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record GoalJson(String slug, String statement, String client, String target, LocalDate due, String status,
                    Double best, Double weekAgo, Double change, boolean met, String referenceDataset,
                    String referenceSplit) {

        static GoalJson of(GoalProgress p) {
            GoalView g = p.goal();
            return new GoalJson(g.slug(), g.statement(), g.client(), g.target() == null ? null : g.target().toString(),
                    g.due(), g.status().name().toLowerCase(java.util.Locale.ROOT), p.current(), p.weekAgo(), p.change(),
                    p.met(), g.referenceDataset(), g.referenceSplit());
        }
    }
}
