package dev.daybook.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import dev.daybook.projects.Project;
import dev.daybook.projects.ProjectDirectory;
import dev.daybook.status.ProjectStatus;
import dev.daybook.status.StatusService;
import dev.daybook.testkit.SlackAppTest;

/**
 * How long a project's status takes with a year of history: 50 projects, 200 people, an update per
 * person and working day. Not part of the build (the name does not end in Tests); run it with
 * {@code ./mvnw test -Dtest=StatusBenchmark -Dsurefire.failIfNoSpecifiedTests=false}, on PostgreSQL
 * with {@code -Ddaybook.test.database=postgresql}. It prints the time per answer rather than failing on
 * a number, since shared machines make timings noisy; what it asserts is that the answers are right.
 */
class StatusBenchmark extends SlackAppTest {

    private static final int PROJECTS = 50;
    private static final int PEOPLE = 200;
    private static final LocalDate LAST_DAY = LocalDate.parse("2026-11-20");
    private static final int ROUNDS = 500;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ProjectDirectory projects;

    @Autowired
    StatusService status;

    @Test
    void statusOverAYearOfUpdates() {
        String team = "TBENCH" + Long.toString(System.nanoTime() % 100000, 36).toUpperCase();
        long started = System.nanoTime();
        List<Project> made = new ArrayList<>();
        for (int p = 0; p < PROJECTS; p++) {
            made.add(projects.open(team, "CB" + p + team, "bench-" + p + "-" + team.toLowerCase()));
        }
        Timestamp now = Timestamp.from(Instant.parse(LAST_DAY + "T17:00:00Z"));
        int updates = 0;
        for (int person = 0; person < PEOPLE; person++) {
            Project project = made.get(person % PROJECTS); // four people per project
            String user = "UB" + person;
            List<Object[]> rows = new ArrayList<>();
            for (LocalDate d = LAST_DAY.minusDays(364); !d.isAfter(LAST_DAY); d = d.plusDays(1)) {
                if (d.getDayOfWeek() == DayOfWeek.SATURDAY || d.getDayOfWeek() == DayOfWeek.SUNDAY
                        || (person % 10 == 0 && d.isAfter(LAST_DAY.minusDays(6)))) {
                    continue; // every tenth person went quiet this week
                }
                rows.add(new Object[] {team, project.id(), user, Date.valueOf(d), now, now});
            }
            jdbc.batchUpdate("""
                    insert into daily_update (team_id, project_id, user_id, work_day, source, revision, filed_late,
                                              created_at, updated_at)
                    values (?, ?, ?, ?, 'SLASH_COMMAND', 1, false, ?, ?)
                    """, rows);
            updates += rows.size();
        }
        jdbc.update("""
                insert into update_item (update_id, team_id, position, section, text, category, category_tagged)
                select id, team_id, 0, 'UPDATE', 'trained a model, val F1 0.87', 'CORE', false
                  from daily_update where team_id = ?
                """, team);
        jdbc.update("""
                insert into update_item (update_id, team_id, position, section, text, category, category_tagged)
                select id, team_id, 1, 'NEXT', 'tune thresholds', 'CORE', false from daily_update where team_id = ?
                """, team);
        System.out.printf("StatusBenchmark: seeded %d updates, %d items in %d ms%n", updates, updates * 2,
                (System.nanoTime() - started) / 1_000_000);

        clock.set(Instant.parse(LAST_DAY.plusDays(3) + "T10:00:00Z")); // Monday after
        for (int i = 0; i < 50; i++) {
            status.status(made.get(i % PROJECTS)); // warm up
        }
        long[] nanos = new long[ROUNDS];
        ProjectStatus last = null;
        for (int i = 0; i < ROUNDS; i++) {
            long t = System.nanoTime();
            last = status.status(made.get(i % PROJECTS));
            nanos[i] = System.nanoTime() - t;
        }
        Arrays.sort(nanos);
        System.out.printf("StatusBenchmark: %d answers, median %.2f ms, p95 %.2f ms, max %.2f ms%n", ROUNDS,
                nanos[ROUNDS / 2] / 1e6, nanos[ROUNDS * 95 / 100] / 1e6, nanos[ROUNDS - 1] / 1e6);

        assertThat(last.members()).hasSize(4);
        ProjectStatus withQuiet = status.status(made.get(0));
        assertThat(withQuiet.quiet()).extracting(ProjectStatus.Quiet::userId).contains("UB0");
        assertThat(withQuiet.members()).allSatisfy(m -> assertThat(m.next()).containsExactly("tune thresholds"));
    }
}
