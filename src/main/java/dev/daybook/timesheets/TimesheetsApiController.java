package dev.daybook.timesheets;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import dev.daybook.access.ApiCaller;
import dev.daybook.access.ApiProjects;
import dev.daybook.projects.Category;
import dev.daybook.projects.Project;
import dev.daybook.projects.ProjectDirectory;

/**
 * {@code GET /api/v1/timesheets?from=&to=[&project=][&team=][&client=][&user=][&category=][&format=csv|json]}:
 * hours for invoices, as JSON (lines, people, each client's split) or CSV (the lines).
 */
@RestController
@RequestMapping("/api/v1/timesheets")
class TimesheetsApiController {

    private static final Pattern USER_ID = Pattern.compile("[UW][A-Z0-9]{2,20}");
    private static final int MAX_CLIENT = 200;

    private final Timesheets timesheets;
    private final ApiProjects apiProjects;
    private final ProjectDirectory projects;

    TimesheetsApiController(Timesheets timesheets, ApiProjects apiProjects, ProjectDirectory projects) {
        this.timesheets = timesheets;
        this.apiProjects = apiProjects;
        this.projects = projects;
    }

    @GetMapping
    ResponseEntity<?> timesheet(@RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller,
                                @RequestParam(required = false) String project,
                                @RequestParam(required = false) String team,
                                @RequestParam(required = false) String client,
                                @RequestParam(required = false) String from,
                                @RequestParam(required = false) String to,
                                @RequestParam(required = false) String user,
                                @RequestParam(required = false) String category,
                                @RequestParam(required = false) String format,
                                @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept) {
        boolean csv = csv(format, accept);
        TimesheetRange.Read read = TimesheetRange.read(from, to);
        TimesheetRange range = read.range().orElseThrow(() -> badRequest(read.problem()));
        Category only = category == null || category.isBlank() ? null : Timesheets.category(category)
                .orElseThrow(() -> badRequest("'category' is core, adjacent or moonshot (or 70, 20, 10)."));
        String person = user == null || user.isBlank() ? null : user.strip();
        if (person != null && !USER_ID.matcher(person).matches()) {
            throw badRequest("'user' is a Slack user id, like U024BE7LH.");
        }
        if (client != null && client.length() > MAX_CLIENT) {
            throw badRequest("'client' is at most " + MAX_CLIENT + " characters.");
        }
        List<Project> covered = covered(caller, project, team, client);
        String teamId = covered.get(0).teamId();
        Timesheet timesheet = timesheets.of(teamId, covered, range, person, only);
        if (csv) {
            return ResponseEntity.ok()
                    .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                    .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"daybook-timesheet-"
                            + range.from() + "-" + range.to() + ".csv\"")
                    .body(TimesheetCsv.of(timesheet));
        }
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(TimesheetJson.of(timesheet));
    }

    /** The one named project, or every project of the workspace (of one client, when named). */
    private List<Project> covered(ApiCaller caller, String project, String team, String client) {
        List<Project> candidates;
        if ((project != null && !project.isBlank()) || caller.projectId() != null) {
            candidates = List.of(apiProjects.resolve(caller, project, team));
        } else {
            String teamId = team != null && !team.isBlank() ? team.strip() : caller.teamId();
            if (teamId == null) {
                throw badRequest("Say which project (?project=<channel-name>) or which workspace (?team=<team id>).");
            }
            if (!caller.mayRead(teamId)) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No projects in that workspace.");
            }
            candidates = projects.all(teamId);
        }
        List<Project> found = client == null || client.isBlank() ? candidates : candidates.stream()
                .filter(p -> p.client() != null && p.client().strip().equalsIgnoreCase(client.strip()))
                .toList();
        if (found.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, client == null || client.isBlank()
                    ? "No projects in that workspace."
                    : "No project of yours has the client '" + client.strip() + "'.");
        }
        return found;
    }

    private static boolean csv(String format, String accept) {
        if (format != null && !format.isBlank()) {
            return switch (format.strip().toLowerCase(Locale.ROOT)) {
                case "csv" -> true;
                case "json" -> false;
                default -> throw badRequest("'format' is csv or json.");
            };
        }
        return accept != null && accept.toLowerCase(Locale.ROOT).contains("text/csv");
    }

    private static ResponseStatusException badRequest(String detail) {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, detail);
    }

    /** The JSON form; hours are numbers, rounded to hundredths; a line without hours has none. */
    record TimesheetJson(LocalDate from, LocalDate to, List<String> projects, double hours, List<RowJson> rows,
                         List<PersonJson> people, List<ClientJson> clients) {

        static TimesheetJson of(Timesheet t) {
            return new TimesheetJson(t.from(), t.to(), t.projects(), round(t.totalHours()),
                    t.rows().stream().map(RowJson::of).toList(),
                    t.people().stream().map(p -> new PersonJson(p.userId(), p.person(), round(p.hours()), p.updates(),
                            p.updatesWithoutHours())).toList(),
                    t.clients().stream().map(ClientJson::of).toList());
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record RowJson(LocalDate date, String project, String client, String user, String person, String category,
                   Double hours, int items, int itemsWithoutHours, String note) {

        static RowJson of(TimesheetRow r) {
            return new RowJson(r.date(), r.project(), r.client(), r.userId(), r.person(),
                    r.category() == null ? null : r.category().label(), r.hours() == null ? null : round(r.hours()),
                    r.items(), r.itemsWithoutHours(), r.note());
        }
    }

    record PersonJson(String user, String person, double hours, int updates, int updatesWithoutHours) {
    }

    record ClientJson(String client, List<String> projects, Map<String, Double> hours, Map<String, Integer> split,
                      Map<String, Integer> target, int updatesWithoutHours) {

        static ClientJson of(ClientSplit c) {
            Map<String, Double> hours = new java.util.LinkedHashMap<>();
            Map<String, Integer> split = new java.util.LinkedHashMap<>();
            Map<String, Integer> target = new java.util.LinkedHashMap<>();
            for (Category category : Category.values()) {
                hours.put(category.label(), round(c.hours().weight(category)));
                split.put(category.label(), c.percents().get(category));
                target.put(category.label(), c.target().percent(category));
            }
            hours.put("total", round(c.totalHours()));
            return new ClientJson(c.client(), c.projects(), hours, split, target, c.updatesWithoutHours());
        }
    }

    private static double round(double hours) {
        return Math.round(hours * 100) / 100.0;
    }
}
