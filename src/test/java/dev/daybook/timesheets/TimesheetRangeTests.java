package dev.daybook.timesheets;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class TimesheetRangeTests {

    @Test
    void twoDatesInOrderAreARange() {
        assertThat(TimesheetRange.read(" 2026-11-01", "2026-11-30 ").range())
                .contains(new TimesheetRange(LocalDate.parse("2026-11-01"), LocalDate.parse("2026-11-30")));
        assertThat(TimesheetRange.read("2026-11-01", "2026-11-01").range()).isPresent();
    }

    @Test
    void aYearIsTheLongestRangeAndTheRefusalSaysSo() {
        assertThat(TimesheetRange.read("2024-01-01", "2024-12-31").range()).as("366 days").isPresent();
        TimesheetRange.Read tooLong = TimesheetRange.read("2026-01-01", "2027-02-04");
        assertThat(tooLong.range()).isEmpty();
        assertThat(tooLong.problem()).contains("at most 366 days").contains("is 400");
    }

    @Test
    void reversedDatesAreRefused() {
        assertThat(TimesheetRange.read("2026-11-30", "2026-11-01").problem()).contains("is after").contains("swap");
    }

    @Test
    void malformedDatesAreRefusedWithoutEchoingMarkup() {
        assertThat(TimesheetRange.read("30/11/2026", "2026-12-01").problem()).contains("like 2026-11-23");
        assertThat(TimesheetRange.read("2026-02-30", "2026-03-01").problem()).contains("'2026-02-30' is not one");
        assertThat(TimesheetRange.read("<!channel>", "2026-03-01").problem()).doesNotContain("<").doesNotContain(">");
        assertThat(TimesheetRange.read("2026-11-01" + "9".repeat(5000), "2026-12-01").problem())
                .hasSizeLessThan(200);
        assertThat(TimesheetRange.read(null, "2026-12-01").problem()).contains("first and the last day");
        assertThat(TimesheetRange.read("", "").problem()).contains("first and the last day");
    }
}
