package dev.daybook.updates;

import dev.daybook.updates.api.UpdateJson;
import dev.daybook.updates.storage.UpdateEntity;
import dev.daybook.updates.storage.UpdatePrompts;
import dev.daybook.updates.storage.Updates;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import dev.daybook.projects.Project;
import dev.daybook.projects.ProjectDirectory;

/** A member's own updates: exported in the read API's format, or deleted, at their request. */
@Service
public class PersonalData {

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final Updates updates;
    private final UpdatePrompts prompts;
    private final UpdateService service;
    private final ProjectDirectory projects;

    PersonalData(Updates updates, UpdatePrompts prompts, UpdateService service, ProjectDirectory projects) {
        this.updates = updates;
        this.prompts = prompts;
        this.service = service;
        this.projects = projects;
    }

    /** All of the person's updates in the workspace, every project, as JSON. */
    @Transactional(readOnly = true)
    public String export(String teamId, String userId) {
        Map<Long, String> names = projects.all(teamId).stream()
                .collect(Collectors.toMap(Project::id, Project::name, (a, b) -> a));
        List<UpdateJson> all = updates.findByTeamIdAndUserIdOrderByDayAscProjectIdAsc(teamId, userId).stream()
                .map(UpdateEntity::toView)
                .map(u -> UpdateJson.of(u, names.getOrDefault(u.projectId(), String.valueOf(u.projectId()))))
                .toList();
        return JSON.writeValueAsString(all);
    }

    @Transactional(readOnly = true)
    public int count(String teamId, String userId) {
        return (int) updates.countByTeamIdAndUserId(teamId, userId);
    }

    /**
     * Deletes every update of the person in the workspace, with all revisions and the posts Daybook
     * asked them about; returns how many updates.
     */
    @Transactional
    public int deleteAll(String teamId, String userId) {
        List<Long> ids = updates.findByTeamIdAndUserIdOrderByDayAscProjectIdAsc(teamId, userId).stream()
                .map(UpdateEntity::id).toList();
        ids.forEach(service::delete);
        prompts.deleteAll(prompts.findByTeamIdAndUserId(teamId, userId)); // the posts they were asked about
        return ids.size();
    }
}
