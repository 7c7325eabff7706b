package dev.daybook.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;

import org.junit.jupiter.api.Test;

class WorkingCalendarTests {

    private static final ZoneId BRISBANE = ZoneId.of("Australia/Brisbane");
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final ZoneId LOS_ANGELES = ZoneId.of("America/Los_Angeles");

    @Test
    void theSameInstantIsADifferentDayForDifferentPeople() {
        Instant instant = Instant.parse("2026-11-23T20:00:00Z"); // Monday evening in London

        assertThat(WorkingCalendar.weekdaysIn(LONDON).dayAt(instant)).isEqualTo(LocalDate.parse("2026-11-23"));
        assertThat(WorkingCalendar.weekdaysIn(BRISBANE).dayAt(instant)).isEqualTo(LocalDate.parse("2026-11-24"));
        assertThat(WorkingCalendar.weekdaysIn(LOS_ANGELES).dayAt(instant)).isEqualTo(LocalDate.parse("2026-11-23"));
    }

    @Test
    void previousWorkingDaySkipsTheWeekend() {
        WorkingCalendar calendar = WorkingCalendar.weekdaysIn(LONDON);

        assertThat(calendar.previousWorkingDay(LocalDate.parse("2026-11-23"))).isEqualTo("2026-11-20"); // Mon -> Fri
        assertThat(calendar.previousWorkingDay(LocalDate.parse("2026-11-24"))).isEqualTo("2026-11-23");
        assertThat(calendar.previousWorkingDay(LocalDate.parse("2026-11-22"))).isEqualTo("2026-11-20"); // Sun -> Fri
        assertThat(calendar.nextWorkingDay(LocalDate.parse("2026-11-20"))).isEqualTo("2026-11-23");
    }

    @Test
    void followsEachPersonsOwnWorkingDays() {
        WorkingCalendar sundayToThursday = new WorkingCalendar(ZoneId.of("Asia/Jerusalem"),
                EnumSet.of(DayOfWeek.SUNDAY, DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY));

        assertThat(sundayToThursday.isWorkingDay(LocalDate.parse("2026-11-22"))).isTrue();
        assertThat(sundayToThursday.isWorkingDay(LocalDate.parse("2026-11-27"))).isFalse();
        assertThat(sundayToThursday.previousWorkingDay(LocalDate.parse("2026-11-22"))).isEqualTo("2026-11-19");
    }

    @Test
    void noWorkingDaysMeansMondayToFriday() {
        assertThat(new WorkingCalendar(LONDON, EnumSet.noneOf(DayOfWeek.class)).workingDays())
                .isEqualTo(WorkingCalendar.MONDAY_TO_FRIDAY);
    }

    @Test
    void countsWorkingDaysBetweenTwoDays() {
        WorkingCalendar calendar = WorkingCalendar.weekdaysIn(LONDON);

        assertThat(calendar.workingDaysBetween(LocalDate.parse("2026-11-20"), LocalDate.parse("2026-11-24"))).isEqualTo(2);
        assertThat(calendar.workingDaysBetween(LocalDate.parse("2026-11-24"), LocalDate.parse("2026-11-24"))).isZero();
    }

    @Test
    void daysAreTwentyThreeHoursLongWhenTheClocksGoForward() {
        WorkingCalendar london = WorkingCalendar.weekdaysIn(LONDON);
        LocalDate springForward = LocalDate.parse("2026-03-29");

        long hours = java.time.Duration.between(london.startOf(springForward), london.endOf(springForward)).toHours();

        assertThat(hours).isEqualTo(23);
        assertThat(london.timeAt(Instant.parse("2026-03-29T01:30:00Z"))).isEqualTo(LocalTime.of(2, 30));
    }

    @Test
    void losAngelesFallsBackOnTheFirstSundayOfNovember() {
        WorkingCalendar la = WorkingCalendar.weekdaysIn(LOS_ANGELES);
        LocalDate fallBack = LocalDate.parse("2026-11-01");

        assertThat(java.time.Duration.between(la.startOf(fallBack), la.endOf(fallBack)).toHours()).isEqualTo(25);
    }
}
