package dev.daybook.updates.api;

import dev.daybook.updates.UpdateService;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import dev.daybook.access.ApiCaller;
import dev.daybook.people.WorkingCalendar;
import dev.daybook.projects.Project;
import dev.daybook.projects.ProjectDirectory;

/** The read API and export: {@code GET /api/v1/updates?project=&from=&to=&user=}. */
@RestController
@RequestMapping("/api/v1/updates")
class UpdatesApiController {

    static final int MAX_DAYS = 400;

    private final UpdateService updates;
    private final ProjectDirectory projects;
    private final Clock clock;

    UpdatesApiController(UpdateService updates, ProjectDirectory projects, Clock clock) {
        this.updates = updates;
        this.projects = projects;
        this.clock = clock;
    }

    @GetMapping
    List<UpdateJson> list(@RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller,
                          @RequestParam(required = false) String project,
                          @RequestParam(required = false) String team,
                          @RequestParam(required = false) String from,
                          @RequestParam(required = false) String to,
                          @RequestParam(required = false) String user) {
        if (project == null || project.isBlank()) {
            throw badRequest("Say which project: ?project=<channel-name>.");
        }
        // By default the window ends on the latest day anyone is in (Kiritimati's today), so that every
        // update written so far is in it, whoever wrote it and wherever the caller is.
        LocalDate end = to == null ? WorkingCalendar.latestDayOnEarth(clock.instant()) : date("to", to);
        LocalDate start = from == null ? end.minusDays(6) : date("from", from);
        if (start.isAfter(end)) {
            throw badRequest("'from' (" + start + ") is after 'to' (" + end + ").");
        }
        if (ChronoUnit.DAYS.between(start, end) >= MAX_DAYS) {
            throw badRequest("Ask for at most " + MAX_DAYS + " days at a time.");
        }
        Project found = project(caller, team, project);
        return updates.inRange(found.teamId(), found.id(), start, end, blankToNull(user)).stream()
                .map(u -> UpdateJson.of(u, found.name()))
                .toList();
    }

    private Project project(ApiCaller caller, String team, String name) {
        if (team != null && !caller.mayRead(team)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No project called '" + name + "'.");
        }
        List<Project> found = projects.named(team != null ? team : caller.teamId(), name).stream()
                .filter(p -> caller.mayRead(p.teamId()))
                .toList();
        if (found.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No project called '" + name + "'.");
        }
        if (found.size() > 1) {
            throw badRequest("Several workspaces have a project called '" + name + "'; add ?team=<team id>.");
        }
        if (caller.projectId() != null && caller.projectId() != found.get(0).id()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "This token is for another project.");
        }
        return found.get(0);
    }

    private static LocalDate date(String name, String value) {
        try {
            return LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            throw badRequest("'" + name + "' must be a date like 2026-11-23, not '" + value + "'.");
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static ResponseStatusException badRequest(String detail) {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, detail);
    }
}
