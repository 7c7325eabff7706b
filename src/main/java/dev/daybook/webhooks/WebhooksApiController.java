package dev.daybook.webhooks;

import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.JsonNode;

import dev.daybook.access.ApiCaller;
import dev.daybook.access.ApiProjects;
import dev.daybook.projects.Project;
import dev.daybook.projects.ProjectDirectory;

/**
 * {@code /api/v1/webhooks}: list (with each one's last delivery status), add, remove and switch back
 * on a project's webhooks, or (admin token) the workspace's.
 */
@RestController
@RequestMapping("/api/v1/webhooks")
class WebhooksApiController {

    private final WebhookService webhooks;
    private final ApiProjects apiProjects;
    private final ProjectDirectory projects;

    WebhooksApiController(WebhookService webhooks, ApiProjects apiProjects, ProjectDirectory projects) {
        this.webhooks = webhooks;
        this.apiProjects = apiProjects;
        this.projects = projects;
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record WebhookJson(long id, String project, String scope, String url, List<String> events, boolean active,
                       String stoppedReason, String lastStatus, Instant lastAttemptAt, Instant lastSuccessAt,
                       String createdBy, Instant createdAt, String secret) {
    }

    /** Whose webhooks a request is about: one project, or (projectId null) the workspace. */
    private record Scope(String teamId, Project project) {
    }

    @GetMapping
    List<WebhookJson> list(@RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller,
                           @RequestParam(required = false) String project,
                           @RequestParam(required = false) String team) {
        Scope scope = scope(caller, project, team, false);
        return webhooks.list(scope.teamId()).stream()
                .filter(w -> scope.project() == null || scope.project().id() == w.projectId())
                .map(w -> json(w, null)).toList();
    }

    @PostMapping
    ResponseEntity<WebhookJson> add(@RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller,
                                    @RequestParam(required = false) String team,
                                    @RequestBody(required = false) JsonNode body) {
        if (body == null || !body.isObject()) {
            throw bad("Send the webhook as a JSON object, like {\"project\": \"acme\", \"url\": \"https://hooks.example.com/daybook\"}.");
        }
        String url = text(body, "url", 500);
        String project = text(body, "project", 255);
        boolean workspace = "workspace".equals(text(body, "scope", 20));
        Scope scope = scope(caller, workspace ? null : project, team, workspace);
        Set<WebhookEvent> events = events(body.get("events"));
        WebhookService.Adding adding = webhooks.add(scope.teamId(), scope.project() == null ? null : scope.project().id(),
                url, events, caller.isAdmin() ? "admin" : "api");
        WebhookService.Added added = adding.added().orElseThrow(() -> bad(adding.problem()));
        return ResponseEntity.status(HttpStatus.CREATED).body(json(added.webhook(), added.secret()));
    }

    @DeleteMapping("/{id}")
    WebhookJson remove(@RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller, @PathVariable String id,
                       @RequestParam(required = false) String team) {
        Webhook found = owned(caller, id, team);
        webhooks.remove(found.teamId(), found.id());
        return json(found, null);
    }

    @PostMapping("/{id}/resume")
    WebhookJson resume(@RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller, @PathVariable String id,
                       @RequestParam(required = false) String team) {
        Webhook found = owned(caller, id, team);
        webhooks.resume(found.teamId(), found.id());
        return json(webhooks.byId(found.teamId(), found.id()).orElseThrow(), null);
    }

    private Webhook owned(ApiCaller caller, String id, String team) {
        long number;
        try {
            number = Long.parseLong(id);
        } catch (NumberFormatException e) {
            throw bad("A webhook id is a number.");
        }
        String teamId = caller.projectId() != null ? caller.teamId() : team != null ? team : caller.teamId();
        if (teamId == null) {
            throw bad("Say which workspace: ?team=<team id>.");
        }
        Webhook found = caller.mayRead(teamId) ? webhooks.byId(teamId, number).orElse(null) : null;
        if (found == null || (caller.projectId() != null && !caller.projectId().equals(found.projectId()))) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No webhook " + number + " here.");
        }
        return found;
    }

    private Scope scope(ApiCaller caller, String project, String team, boolean workspace) {
        if (workspace || ((project == null || project.isBlank()) && caller.projectId() == null)) {
            if (caller.projectId() != null) {
                throw new ResponseStatusException(HttpStatus.FORBIDDEN, "A project token manages its own project's webhooks only.");
            }
            String teamId = team != null && !team.isBlank() ? team.strip() : caller.teamId();
            if (teamId == null) {
                throw bad("Say which project (\"project\") or which workspace (?team=<team id>).");
            }
            if (!caller.mayRead(teamId)) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No such workspace.");
            }
            return new Scope(teamId, null);
        }
        Project found = apiProjects.resolve(caller, project, team);
        return new Scope(found.teamId(), found);
    }

    private WebhookJson json(Webhook w, String secret) {
        String project = w.projectId() == null ? null : projects.byId(w.projectId()).map(Project::name).orElse(null);
        return new WebhookJson(w.id(), project, w.projectId() == null ? "workspace" : "project", w.url(),
                w.events().stream().map(WebhookEvent::label).toList(), w.active(), w.stoppedReason(), w.lastStatus(),
                w.lastAttemptAt(), w.lastSuccessAt(), w.createdBy(), w.createdAt(), secret);
    }

    private static Set<WebhookEvent> events(JsonNode node) {
        if (node == null || node.isNull()) {
            return EnumSet.allOf(WebhookEvent.class);
        }
        if (!node.isArray() || node.size() > WebhookEvent.values().length * 2) {
            throw bad("'events' is a list of event names: " + names() + ".");
        }
        Set<WebhookEvent> events = EnumSet.noneOf(WebhookEvent.class);
        for (JsonNode element : node) {
            String written = element.isString() ? element.asString() : null;
            WebhookEvent event = WebhookEvent.of(written).orElseThrow(() -> bad("'events' are among " + names() + "."));
            events.add(event);
        }
        if (events.isEmpty()) {
            throw bad("Name at least one event (" + names() + "), or leave 'events' out for all.");
        }
        return events;
    }

    static String names() {
        return String.join(", ", java.util.Arrays.stream(WebhookEvent.values()).map(WebhookEvent::label).toList());
    }

    private static String text(JsonNode body, String field, int max) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            throw bad("'" + field + "' must be text.");
        }
        String value = node.asString();
        if (value.length() > max) {
            throw bad("'" + field + "' is at most " + max + " characters.");
        }
        return value;
    }

    private static ResponseStatusException bad(String detail) {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, detail);
    }
}
