package dev.daybook.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.daybook.projects.Project;
import dev.daybook.projects.ProjectDirectory;
import dev.daybook.projects.ProjectSettings;
import dev.daybook.status.StatusService;
import dev.daybook.testkit.SlackAppTest;

/**
 * A project's zone is decided once ({@link ProjectDirectory#zone}): the weekly summary's week and the
 * status's "today" agree, at instants where the project's zone is already in another day (and ISO week)
 * than the default zone (UTC in tests).
 */
class ProjectZoneTests extends SlackAppTest {

    /** A Sunday noon in UTC: Monday 01:45 in Chatham (UTC+13:45 in December), a new ISO week. */
    static final Instant SUNDAY_NOON_UTC = Instant.parse("2026-12-06T12:00:00Z");
    /** A Sunday evening in UTC: Monday 01:30 in Kolkata (UTC+5:30). */
    static final Instant SUNDAY_EVENING_UTC = Instant.parse("2026-12-06T20:00:00Z");

    @Autowired
    ProjectDirectory projects;
    @Autowired
    Digests digests;
    @Autowired
    StatusService status;

    @Test
    void digestAndStatusCountTheDayInTheProjectsOwnZone() {
        assertAgree(project("Pacific/Chatham"), SUNDAY_NOON_UTC, LocalDate.parse("2026-12-07"));
        assertAgree(project("Asia/Kolkata"), SUNDAY_EVENING_UTC, LocalDate.parse("2026-12-07"));
    }

    @Test
    void aProjectWithoutItsOwnZoneUsesTheDefaultInBoth() {
        Project project = project(null);
        assertThat(projects.zone(project)).isEqualTo(ZoneId.of("UTC"));
        assertAgree(project, SUNDAY_NOON_UTC, LocalDate.parse("2026-12-06"));
    }

    private void assertAgree(Project project, Instant now, LocalDate expectedDay) {
        clock.set(now);
        LocalDate statusToday = status.status(project).asOf();
        assertThat(statusToday).as("status's today in %s", project.timeZone()).isEqualTo(expectedDay);
        assertThat(digests.currentWeek(project)).as("the summary's week in %s", project.timeZone())
                .isEqualTo(IsoWeek.of(statusToday));
        assertThat(LocalDate.ofInstant(now, projects.zone(project))).isEqualTo(expectedDay);
    }

    private Project project(String zone) {
        String team = "T" + newChannel();
        String channel = newChannel();
        Project project = projects.open(team, channel, "zone-" + channel.toLowerCase());
        if (zone == null) {
            return project;
        }
        return projects.changeSettings(team, channel, new ProjectSettings(project.client(), project.defaultCategory(),
                project.shareMode(), ZoneId.of(zone)));
    }
}
