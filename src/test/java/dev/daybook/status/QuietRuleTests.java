package dev.daybook.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.EnumSet;

import org.junit.jupiter.api.Test;

import dev.daybook.people.WorkingCalendar;

class QuietRuleTests {

    private final WorkingCalendar weekdays = WorkingCalendar.weekdaysIn(ZoneOffset.UTC);
    private static final LocalDate MONDAY = LocalDate.parse("2026-11-23");

    @Test
    void onlyFinishedWorkingDaysCount() {
        assertThat(QuietRule.workingDaysSince(MONDAY, MONDAY, weekdays)).isZero();
        assertThat(QuietRule.workingDaysSince(MONDAY, MONDAY.plusDays(3), weekdays)).isEqualTo(2);
        assertThat(QuietRule.isQuiet(MONDAY, MONDAY.plusDays(3), weekdays)).as("Thursday, not over yet").isFalse();
        assertThat(QuietRule.isQuiet(MONDAY, MONDAY.plusDays(4), weekdays)).as("Friday").isTrue();
    }

    @Test
    void theWeekendIsNotSilence() {
        LocalDate thursday = MONDAY.plusDays(3);
        assertThat(QuietRule.isQuiet(thursday, MONDAY.plusDays(7), weekdays)).as("Fri and Mon only").isFalse();
        assertThat(QuietRule.isQuiet(thursday, MONDAY.plusDays(9), weekdays)).isTrue();
    }

    @Test
    void theirOwnWorkingDays() {
        WorkingCalendar sundayToThursday = new WorkingCalendar(ZoneOffset.UTC,
                EnumSet.of(DayOfWeek.SUNDAY, DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY));
        LocalDate wednesday = MONDAY.plusDays(2);
        assertThat(QuietRule.isQuiet(wednesday, MONDAY.plusDays(7), sundayToThursday)).as("Thu, Sun").isFalse();
        assertThat(QuietRule.isQuiet(wednesday, MONDAY.plusDays(8), sundayToThursday)).as("Thu, Sun, Mon").isTrue();
    }
}
