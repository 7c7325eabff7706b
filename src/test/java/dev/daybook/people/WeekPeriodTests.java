package dev.daybook.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** "This week" and "last week" for a person: the one definition the questions and the report command read. */
class WeekPeriodTests {

    @Test
    void thisWeekRunsFromMondayToToday() {
        LocalDate wednesday = LocalDate.parse("2027-03-10");
        assertThat(WorkingCalendar.thisWeek(wednesday))
                .isEqualTo(new WorkingCalendar.Days(LocalDate.parse("2027-03-08"), wednesday));
    }

    @Test
    void onMondayThisWeekIsOneDayAndOnSundayTheWholeWeek() {
        LocalDate monday = LocalDate.parse("2027-03-08");
        assertThat(WorkingCalendar.thisWeek(monday)).isEqualTo(new WorkingCalendar.Days(monday, monday));
        LocalDate sunday = LocalDate.parse("2027-03-14");
        assertThat(WorkingCalendar.thisWeek(sunday)).isEqualTo(new WorkingCalendar.Days(monday, sunday));
    }

    @Test
    void lastWeekIsTheWholeWeekBeforeOnEveryDayOfTheWeek() {
        LocalDate monday = LocalDate.parse("2027-03-08");
        for (int i = 0; i < 7; i++) {
            WorkingCalendar.Days last = WorkingCalendar.lastWeek(monday.plusDays(i));
            assertThat(last.from()).isEqualTo(LocalDate.parse("2027-03-01"));
            assertThat(last.to()).isEqualTo(LocalDate.parse("2027-03-07"));
            assertThat(last.from().getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
            assertThat(last.to().getDayOfWeek()).isEqualTo(DayOfWeek.SUNDAY);
        }
    }

    @Test
    void weeksAcrossTheTurnOfTheYearAndALeapDay() {
        // 1 January 2027 is a Friday: its week began on Monday 28 December 2026.
        assertThat(WorkingCalendar.thisWeek(LocalDate.parse("2027-01-01")).from()).isEqualTo(LocalDate.parse("2026-12-28"));
        assertThat(WorkingCalendar.lastWeek(LocalDate.parse("2027-01-01")))
                .isEqualTo(new WorkingCalendar.Days(LocalDate.parse("2026-12-21"), LocalDate.parse("2026-12-27")));
        // 29 February 2028 is a Tuesday.
        assertThat(WorkingCalendar.lastWeek(LocalDate.parse("2028-03-06")))
                .isEqualTo(new WorkingCalendar.Days(LocalDate.parse("2028-02-28"), LocalDate.parse("2028-03-05")));
    }
}
