package dev.daybook.slack.status;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.daybook.projects.Project;
import dev.daybook.projects.ProjectDirectory;
import dev.daybook.slack.blockkit.SlackText;
import dev.daybook.status.ProjectMatcher;

/**
 * The project a person asks about: the one named (forgivingly, in this workspace only), or the
 * channel's own project when none is named.
 */
@Component
class ProjectLookup {

    private final ProjectDirectory projects;

    ProjectLookup(ProjectDirectory projects) {
        this.projects = projects;
    }

    /** What the lookup found: exactly one project, or why not, as a polite sentence. */
    record Found(Optional<Project> project, String problem) {
        static Found one(Project project) {
            return new Found(Optional.of(project), null);
        }

        static Found none(String problem) {
            return new Found(Optional.empty(), problem);
        }
    }

    Found find(String teamId, String channelId, String phrase) {
        if (phrase == null || phrase.isBlank()) {
            return projects.byChannel(teamId, channelId).map(Found::one).orElseGet(() -> Found.none(
                    "Which project? Name one, for example `status of acme`, or ask in the project's channel."));
        }
        List<Project> matches = ProjectMatcher.match(phrase, projects.all(teamId));
        if (matches.size() == 1) {
            return Found.one(matches.get(0));
        }
        String written = SlackText.escape(phrase.length() > 60 ? phrase.substring(0, 60) + "…" : phrase);
        if (matches.isEmpty()) {
            return Found.none("I don't know a project called \"" + written + "\". A project is a channel where "
                    + "the team posts updates; name it like `#acme-churn`, or by its client.");
        }
        StringBuilder which = new StringBuilder("\"" + written + "\" could be ");
        for (int i = 0; i < Math.min(matches.size(), 6); i++) {
            which.append(i == 0 ? "" : i == matches.size() - 1 ? " or " : ", ").append('#').append(matches.get(i).name());
        }
        return Found.none(which.append(". Which one?").toString());
    }
}
