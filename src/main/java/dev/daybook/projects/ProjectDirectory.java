package dev.daybook.projects;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.daybook.people.PersonDirectory;
import dev.daybook.support.InsertIfAbsent;
import dev.daybook.support.StorableText;
import dev.daybook.support.Timestamps;

/** The workspace's projects: a project is a channel, created by the first update posted in it. */
@Service
@Transactional(readOnly = true)
public class ProjectDirectory {

    private final Projects projects;
    private final InsertIfAbsent inserts;
    private final ProjectLeads leads;
    private final Clock clock;
    private final PersonDirectory people;

    ProjectDirectory(Projects projects, InsertIfAbsent inserts, ProjectLeads leads, Clock clock, PersonDirectory people) {
        this.projects = projects;
        this.inserts = inserts;
        this.leads = leads;
        this.clock = clock;
        this.people = people;
    }

    /**
     * The zone a project's days and weeks are counted in: its own, set in {@code /daybook settings}, or else
     * the default zone ({@code daybook.default-time-zone}, read once, by {@code people}). The one place this
     * is decided: status ("today"), the weekly summary's week and schedule, the canvas and the daily
     * thread all ask here, so they cannot disagree about which day it is in a project.
     */
    public ZoneId zone(Project project) {
        return project.timeZone() != null ? project.timeZone() : people.defaultZone();
    }

    /** The channel's project, created and named after the channel if this is its first update. */
    @Transactional
    public Project open(String teamId, String channelId, String channelName) {
        return open(teamId, channelId, channelName, null);
    }

    /**
     * The same; when this creates the project, {@code createdBy} (whose update it is) is recorded as
     * the person who created it, its first lead.
     */
    @Transactional
    public Project open(String teamId, String channelId, String channelName, String createdBy) {
        Optional<ProjectEntity> existing = projects.findByTeamIdAndChannelId(teamId, channelId);
        if (existing.isPresent()) {
            return existing.get().toProject();
        }
        boolean created = inserts.insert("""
                insert into project (team_id, channel_id, name, default_category, share_mode, archived, created_at, created_by)
                values (?, ?, ?, 'CORE', 'CHANNEL', false, ?, ?)
                """, teamId, channelId, nameOrId(channelName, channelId), Timestamps.of(clock.instant()), createdBy);
        Project project = projects.findByTeamIdAndChannelId(teamId, channelId).orElseThrow().toProject();
        if (created) {
            leads.created(teamId, project.id(), createdBy);
        }
        return project;
    }

    public Optional<Project> byChannel(String teamId, String channelId) {
        return projects.findByTeamIdAndChannelId(teamId, channelId).map(ProjectEntity::toProject);
    }

    public Optional<Project> byId(long projectId) {
        return projects.findById(projectId).map(ProjectEntity::toProject);
    }

    /** Projects whose channel is called {@code name} (channel names are unique at any one time). */
    public List<Project> byName(String teamId, String name) {
        String bare = name.startsWith("#") ? name.substring(1) : name;
        return projects.findByTeamIdAndNameIgnoreCase(teamId, bare).stream().map(ProjectEntity::toProject).toList();
    }

    /** Like {@link #byName(String, String)}; a null team searches every workspace of this deployment. */
    public List<Project> named(String teamIdOrNull, String name) {
        if (teamIdOrNull != null) {
            return byName(teamIdOrNull, name);
        }
        String bare = name.startsWith("#") ? name.substring(1) : name;
        return projects.findByNameIgnoreCase(bare).stream().map(ProjectEntity::toProject).toList();
    }

    public List<Project> all(String teamId) {
        return projects.findByTeamIdOrderByName(teamId).stream().map(ProjectEntity::toProject).toList();
    }

    @Transactional
    public Project changeSettings(String teamId, String channelId, ProjectSettings settings) {
        ProjectEntity project = projects.findByTeamIdAndChannelId(teamId, channelId)
                .orElseThrow(() -> new IllegalArgumentException("Not a project: " + channelId));
        project.apply(settings);
        return project.toProject();
    }

    /** How many working days a client ask may wait before a lead is nudged, unless the project says otherwise. */
    public static final int DEFAULT_CLIENT_ASK_DAYS = 5;
    /** The most a project may set: a longer wait is no nudge at all. */
    public static final int MAX_CLIENT_ASK_DAYS = 60;

    /** The project's limit for a client ask, in working days ({@link #DEFAULT_CLIENT_ASK_DAYS} unless set). */
    public int clientAskLimit(long projectId) {
        return projects.findById(projectId).map(ProjectEntity::clientAskDays).orElse(DEFAULT_CLIENT_ASK_DAYS);
    }

    /** Sets the limit; days outside 1 to {@link #MAX_CLIENT_ASK_DAYS} are refused. */
    @Transactional
    public void setClientAskLimit(String teamId, String channelId, int days) {
        if (days < 1 || days > MAX_CLIENT_ASK_DAYS) {
            throw new IllegalArgumentException("A client ask limit is 1 to " + MAX_CLIENT_ASK_DAYS + " working days");
        }
        projects.findByTeamIdAndChannelId(teamId, channelId)
                .orElseThrow(() -> new IllegalArgumentException("Not a project: " + channelId)).clientAskDays(days);
    }

    /** Follows a channel rename, so the project keeps the channel's name. */
    @Transactional
    public void rename(String teamId, String channelId, String newName) {
        projects.findByTeamIdAndChannelId(teamId, channelId).ifPresent(p -> p.rename(nameOrId(newName, channelId)));
    }

    /** Follows the channel being archived or unarchived: an archived project gets no reminders. */
    @Transactional
    public void archive(String teamId, String channelId, boolean archived) {
        projects.findByTeamIdAndChannelId(teamId, channelId).ifPresent(p -> p.archive(archived));
    }

    private static String nameOrId(String channelName, String channelId) {
        String name = StorableText.of(channelName);
        if (name == null || name.isBlank()) {
            return channelId;
        }
        return name.length() > 255 ? name.substring(0, 255) : name.strip();
    }
}
