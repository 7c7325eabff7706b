package dev.daybook.digest.building;

import dev.daybook.digest.IsoWeek;
import dev.daybook.digest.summary.WeekOfProject;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

class WeekOfProjectTests {

    @Test
    void isoWeeksAreWrittenAndReadLikeIso8601() {
        assertThat(IsoWeek.of(LocalDate.of(2026, 11, 27)).toString()).isEqualTo("2026-W48");
        assertThat(IsoWeek.parse("2026-W48").orElseThrow().monday()).isEqualTo(LocalDate.of(2026, 11, 23));
        assertThat(IsoWeek.parse("2026-W48").orElseThrow().sunday()).isEqualTo(LocalDate.of(2026, 11, 29));
        // 1 January 2027 is a Friday: it belongs to the last week of 2026, which has 53 weeks.
        assertThat(IsoWeek.of(LocalDate.of(2027, 1, 1)).toString()).isEqualTo("2026-W53");
        assertThat(IsoWeek.parse("2026-W53")).isPresent();
        assertThat(IsoWeek.parse("2025-W53")).isEmpty();
        assertThat(IsoWeek.parse("2026-W01").orElseThrow().monday()).isEqualTo(LocalDate.of(2025, 12, 29));
        assertThat(IsoWeek.parse("2026-W48").orElseThrow().next().toString()).isEqualTo("2026-W49");
        assertThat(IsoWeek.parse("2026-W01").orElseThrow().previous().toString()).isEqualTo("2025-W52");
    }

    @Test
    void anythingElseIsNotAWeek() {
        for (String bad : new String[] {"2026-W99", "2026-W00", "2026-w48", "2026W48", "26-W48", "2026-W4", "", "last week", null}) {
            assertThat(IsoWeek.parse(bad)).as("%s", bad).isEmpty();
        }
        assertThatThrownBy(() -> new IsoWeek(2026, 54)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theSummaryIsDueOnTheProjectsDayAndTimeInItsZone() {
        WeekOfProject berlin = new WeekOfProject(ZoneId.of("Europe/Berlin"), DayOfWeek.FRIDAY, LocalTime.of(16, 0));
        IsoWeek w48 = IsoWeek.parse("2026-W48").orElseThrow();
        assertThat(berlin.dueAt(w48)).isEqualTo(Instant.parse("2026-11-27T15:00:00Z"));
        assertThat(berlin.latestDue(Instant.parse("2026-11-27T14:59:59Z")).toString()).isEqualTo("2026-W47");
        assertThat(berlin.latestDue(Instant.parse("2026-11-27T15:00:00Z")).toString()).isEqualTo("2026-W48");
        assertThat(berlin.latestDue(Instant.parse("2026-11-29T22:59:00Z")).toString()).isEqualTo("2026-W48");
        // Monday 00:30 in Berlin is still Sunday in UTC: the project's own days count.
        assertThat(berlin.weekAt(Instant.parse("2026-11-29T23:30:00Z")).toString()).isEqualTo("2026-W49");
        assertThat(berlin.latestDue(Instant.parse("2026-11-29T23:30:00Z")).toString()).isEqualTo("2026-W48");
    }

    @Test
    void aTimeThatDaylightSavingSkipsHappensAfterTheJump() {
        // Sunday 29 March 2026: clocks in London go from 01:00 to 02:00.
        WeekOfProject london = new WeekOfProject(ZoneId.of("Europe/London"), DayOfWeek.SUNDAY, LocalTime.of(1, 30));
        IsoWeek week = IsoWeek.of(LocalDate.of(2026, 3, 29));
        assertThat(london.dueAt(week)).isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
        WeekOfProject auckland = new WeekOfProject(ZoneId.of("Pacific/Auckland"), DayOfWeek.MONDAY, LocalTime.of(9, 0));
        assertThat(auckland.dueAt(IsoWeek.parse("2026-W48").orElseThrow())).isEqualTo(Instant.parse("2026-11-22T20:00:00Z"));
    }
}
