package dev.daybook.people;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.daybook.testkit.SlackAppTest;

/**
 * The holiday cache: a project's holidays include its workspace's, and asking for them first in a
 * workspace nobody asked about yet works. Computing the workspace's entry inside the project's (one
 * Caffeine cache, so one ConcurrentHashMap, nested) threw "Recursive update" whenever both keys fell in
 * the same bin of the map; it did so for the first status of some projects in a new workspace.
 */
class HolidayCacheTests extends SlackAppTest {

    @Autowired
    DaysOff daysOff;

    @Test
    void aProjectsHolidaysCanBeTheFirstAskedForInAWorkspace() {
        String team = "THOL" + newChannel();
        long project = collidingProject(team);
        assertThat(daysOff.projectHolidays(team, project)).isEqualTo(daysOff.workspaceHolidays(team));
    }

    /**
     * A project id whose cache key lands in the same ConcurrentHashMap bin as its workspace's key for any
     * table of up to 2^20 bins (the cache holds at most 10,000 entries), so the test does not depend on luck.
     */
    private static long collidingProject(String team) {
        int workspaceBin = spread(("w:" + team).hashCode()) & 0xFFFFF;
        for (long id = 1; ; id++) {
            if ((spread(("p:" + team + ":" + id).hashCode()) & 0xFFFFF) == workspaceBin) {
                return id;
            }
        }
    }

    /** ConcurrentHashMap's own spreading of a key's hash code. */
    private static int spread(int h) {
        return (h ^ (h >>> 16)) & 0x7fffffff;
    }
}
