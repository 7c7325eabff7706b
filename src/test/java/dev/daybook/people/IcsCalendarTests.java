package dev.daybook.people;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class IcsCalendarTests {

    private static final ZoneId SYDNEY = ZoneId.of("Australia/Sydney");

    private static String calendar(String events) {
        return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//EN\r\n" + events + "END:VCALENDAR\r\n";
    }

    @Test
    void wholeDayEventsEndTheDayBeforeTheirEnd() throws Exception {
        List<AwayPeriod> periods = IcsCalendar.periods(calendar("""
                BEGIN:VEVENT
                SUMMARY:Christmas
                DTSTART;VALUE=DATE:20271225
                DTEND;VALUE=DATE:20271227
                END:VEVENT
                BEGIN:VEVENT
                DTSTART;VALUE=DATE:20280101
                END:VEVENT
                """), SYDNEY);
        assertThat(periods).containsExactly(new AwayPeriod(LocalDate.parse("2027-12-25"), LocalDate.parse("2027-12-26")),
                new AwayPeriod(LocalDate.parse("2028-01-01"), LocalDate.parse("2028-01-01")));
    }

    @Test
    void timedEventsCoverTheDaysTheyTouchInThePersonsZoneAndFoldedLinesAreJoined() throws Exception {
        List<AwayPeriod> periods = IcsCalendar.periods(calendar("""
                BEGIN:VEVENT
                SUMMARY:Out of office: a long
                  conference
                DTSTART:20271201T220000Z
                DTEND;TZID=Europe/London:20271203T120000
                END:VEVENT
                BEGIN:VEVENT
                STATUS:CANCELLED
                DTSTART;VALUE=DATE:20271210
                END:VEVENT
                """), SYDNEY);
        // 22:00 UTC on 1 December is 2 December in Sydney; noon in London on 3 December is 23:00 there.
        assertThat(periods).containsExactly(new AwayPeriod(LocalDate.parse("2027-12-02"), LocalDate.parse("2027-12-03")));
    }

    @Test
    void whatIsNotACalendarIsRefusedWithAReason() {
        assertThatThrownBy(() -> IcsCalendar.periods("<html>Sign in</html>", SYDNEY))
                .hasMessageContaining("not an iCalendar file");
        assertThatThrownBy(() -> IcsCalendar.periods(calendar("BEGIN:VEVENT\nDTSTART:soon\nEND:VEVENT\n"), SYDNEY))
                .hasMessageContaining("cannot read");
        assertThatThrownBy(() -> IcsCalendar.periods(calendar("BEGIN:VEVENT\nDTSTART;VALUE=DATE:20271201\n"), SYDNEY))
                .hasMessageContaining("ends inside an event");
        assertThatThrownBy(() -> IcsCalendar.periods(calendar(
                "BEGIN:VEVENT\nDTSTART;VALUE=DATE:20271201\nDTEND;VALUE=DATE:20301201\nEND:VEVENT\n"), SYDNEY))
                .hasMessageContaining("longer than a year");
    }

    @Test
    void awayOverlappingAHolidayIsOneDayOffNotTwoAndNobodyWorksNoDay() {
        WorkingCalendar calendar = new WorkingCalendar(SYDNEY, Set.of(),
                List.of(new AwayPeriod(LocalDate.parse("2027-11-25"), LocalDate.parse("2027-11-30"))),
                Set.of(LocalDate.parse("2027-11-29"), LocalDate.parse("2027-12-01")));
        assertThat(calendar.workingDays()).isEqualTo(WorkingCalendar.MONDAY_TO_FRIDAY);
        // Wed 24 Nov is the last working day before; Thu 2 Dec the first after (1 Dec is a holiday).
        assertThat(calendar.previousWorkingDay(LocalDate.parse("2027-12-02"))).isEqualTo(LocalDate.parse("2027-11-24"));
        assertThat(calendar.nextWorkingDay(LocalDate.parse("2027-11-24"))).isEqualTo(LocalDate.parse("2027-12-02"));
        assertThat(calendar.workingDaysBetween(LocalDate.parse("2027-11-24"), LocalDate.parse("2027-12-02"))).isEqualTo(1);
        assertThat(calendar.awayBetween(LocalDate.parse("2027-11-24"), LocalDate.parse("2027-12-02"))).isTrue();
        assertThat(calendar.isAway(LocalDate.parse("2027-12-01"))).isFalse();
        assertThat(calendar.isHoliday(LocalDate.parse("2027-11-29"))).isTrue();
    }
}
