package dev.daybook.access;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import dev.daybook.projects.Project;
import dev.daybook.projects.ProjectDirectory;

/**
 * {@code POST /api/v1/projects/<channel-name>/tokens}: the admin creates a project's API token;
 * {@code GET} lists them (creator, created, last used), {@code DELETE} revokes all of them, and
 * {@code DELETE …/tokens/<id>} one.
 */
@RestController
class ProjectTokensController {

    private final ApiTokens tokens;
    private final ProjectDirectory projects;

    ProjectTokensController(ApiTokens tokens, ProjectDirectory projects) {
        this.tokens = tokens;
        this.projects = projects;
    }

    @PostMapping("/api/v1/projects/{name}/tokens")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, String> create(@RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller, @PathVariable String name,
                               @RequestParam(required = false) String team) {
        Project project = project(caller, name, team, "creates");
        return Map.of("project", project.name(), "token", tokens.create(project.teamId(), project.id(), ApiTokens.ADMIN));
    }

    @GetMapping("/api/v1/projects/{name}/tokens")
    Map<String, Object> list(@RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller, @PathVariable String name,
                             @RequestParam(required = false) String team) {
        Project project = project(caller, name, team, "lists");
        List<Map<String, Object>> listed = tokens.list(project.teamId(), project.id()).stream().map(t -> {
            Map<String, Object> token = new LinkedHashMap<>();
            token.put("id", t.id());
            token.put("createdBy", t.createdByAdmin() ? "admin" : t.createdBy());
            token.put("createdAt", t.createdAt().toString());
            token.put("lastUsedAt", t.lastUsedAt() == null ? null : t.lastUsedAt().toString());
            return token;
        }).toList();
        return Map.of("project", project.name(), "tokens", listed);
    }

    @DeleteMapping("/api/v1/projects/{name}/tokens/{id}")
    Map<String, Object> revokeOne(@RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller, @PathVariable String name,
                                  @PathVariable long id, @RequestParam(required = false) String team) {
        Project project = project(caller, name, team, "revokes");
        if (!tokens.revokeOne(project.teamId(), project.id(), id)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "Project '" + project.name() + "' has no token " + id + ".");
        }
        return Map.of("project", project.name(), "revoked", 1);
    }

    @DeleteMapping("/api/v1/projects/{name}/tokens")
    Map<String, Object> revokeAll(@RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller, @PathVariable String name,
                                  @RequestParam(required = false) String team) {
        Project project = project(caller, name, team, "revokes");
        return Map.of("project", project.name(), "revoked", tokens.revokeAll(project.teamId(), project.id()));
    }

    private Project project(ApiCaller caller, String name, String team, String verb) {
        if (!caller.isAdmin()) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN,
                    "Only the deployment's admin token (DAYBOOK_API_TOKEN) " + verb + " project tokens.");
        }
        List<Project> found = projects.named(team, name);
        if (found.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No project called '" + name + "'.");
        }
        if (found.size() > 1) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "Several workspaces have a project called '" + name + "'; add ?team=<team id>.");
        }
        return found.get(0);
    }
}
