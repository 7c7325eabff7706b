package dev.daybook.access;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ResponseStatusException;

import dev.daybook.projects.Project;
import dev.daybook.projects.ProjectDirectory;

/**
 * Finds the project an API call is about, and checks the caller may use it: a project token only its
 * own project (403 otherwise, in this workspace or any other), the admin token any project.
 */
@Component
public class ApiProjects {

    private final ProjectDirectory projects;

    ApiProjects(ProjectDirectory projects) {
        this.projects = projects;
    }

    /** The named project; a project token may leave the name out to mean its own project. */
    public Project resolve(ApiCaller caller, String name, String team) {
        boolean named = name != null && !name.isBlank();
        if (caller.projectId() != null) {
            Project own = projects.byId(caller.projectId())
                    .orElseThrow(() -> new ResponseStatusException(HttpStatus.FORBIDDEN, "This token's project is gone."));
            boolean sameTeam = team == null || team.equals(own.teamId());
            if (!named || (sameTeam && own.name().equalsIgnoreCase(bare(name)))) {
                return own;
            }
            throw new ResponseStatusException(HttpStatus.FORBIDDEN,
                    "This token is for project '" + own.name() + "' only; it cannot use '" + name.strip() + "'.");
        }
        if (!named) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Say which project: ?project=<channel-name>.");
        }
        if (team != null && !caller.mayRead(team)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No project called '" + name + "'.");
        }
        List<Project> found = projects.named(team != null ? team : caller.teamId(), name.strip()).stream()
                .filter(p -> caller.mayRead(p.teamId()))
                .toList();
        if (found.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No project called '" + name.strip() + "'.");
        }
        if (found.size() > 1) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "Several workspaces have a project called '" + name.strip() + "'; add ?team=<team id>.");
        }
        return found.get(0);
    }

    private static String bare(String name) {
        String stripped = name.strip();
        return stripped.startsWith("#") ? stripped.substring(1) : stripped;
    }
}
