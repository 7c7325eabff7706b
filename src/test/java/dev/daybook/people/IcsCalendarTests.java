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

    private static final LocalDate TODAY = LocalDate.parse("2027-06-15");

    private static AwayPeriod day(String date) {
        return new AwayPeriod(LocalDate.parse(date), LocalDate.parse(date));
    }

    @Test
    void aYearlyHolidayRepeatsFrom400DaysAgoToTwoYearsAheadOnly() throws Exception {
        List<AwayPeriod> periods = IcsCalendar.periods(calendar("""
                BEGIN:VEVENT
                UID:anzac@test
                SUMMARY:Anzac Day
                DTSTART;VALUE=DATE:20000425
                DTEND;VALUE=DATE:20000426
                RRULE:FREQ=YEARLY
                END:VEVENT
                """), SYDNEY, TODAY);
        // 400 days before 15 June 2027 is 11 May 2026: 25 April 2026 is outside, 2029 is within two years.
        assertThat(periods).containsExactly(day("2027-04-25"), day("2028-04-25"), day("2029-04-25"));
    }

    @Test
    void aWeeklyDayOffStopsAtItsCountOrItsUntilAndSkipsItsExceptions() throws Exception {
        List<AwayPeriod> counted = IcsCalendar.periods(calendar("""
                BEGIN:VEVENT
                UID:fridays@test
                DTSTART;TZID=Europe/London:20270702T090000
                DTEND;TZID=Europe/London:20270702T170000
                RRULE:FREQ=WEEKLY;BYDAY=FR;COUNT=3
                END:VEVENT
                """), ZoneId.of("Europe/London"), TODAY);
        assertThat(counted).containsExactly(day("2027-07-02"), day("2027-07-09"), day("2027-07-16"));

        List<AwayPeriod> until = IcsCalendar.periods(calendar("""
                BEGIN:VEVENT
                UID:fridays-until@test
                DTSTART;VALUE=DATE:20270702
                RRULE:FREQ=WEEKLY;UNTIL=20270723
                EXDATE;VALUE=DATE:20270709
                END:VEVENT
                """), SYDNEY, TODAY);
        assertThat(until).containsExactly(day("2027-07-02"), day("2027-07-16"), day("2027-07-23"));
    }

    @Test
    void repetitionsKeepTheirLocalTimeAcrossSummerTimeAndLandOnThePersonsDays() throws Exception {
        // 23:00 in New York on Fridays is Saturday in Sydney; summer time in New York starts 14 March 2027.
        List<AwayPeriod> periods = IcsCalendar.periods(calendar("""
                BEGIN:VEVENT
                UID:late@test
                DTSTART;TZID=America/New_York:20270305T230000
                DTEND;TZID=America/New_York:20270305T233000
                RRULE:FREQ=WEEKLY;COUNT=3
                END:VEVENT
                """), SYDNEY, TODAY);
        assertThat(periods).containsExactly(day("2027-03-06"), day("2027-03-13"), day("2027-03-20"));
    }

    @Test
    void aMovedOrCancelledOccurrenceLeavesItsSeries() throws Exception {
        List<AwayPeriod> periods = IcsCalendar.periods(calendar("""
                BEGIN:VEVENT
                UID:standup-off@test
                DTSTART;VALUE=DATE:20270705
                RRULE:FREQ=DAILY;COUNT=3
                END:VEVENT
                BEGIN:VEVENT
                UID:standup-off@test
                RECURRENCE-ID;VALUE=DATE:20270706
                DTSTART;VALUE=DATE:20270709
                END:VEVENT
                BEGIN:VEVENT
                UID:standup-off@test
                RECURRENCE-ID;VALUE=DATE:20270707
                STATUS:CANCELLED
                DTSTART;VALUE=DATE:20270707
                END:VEVENT
                """), SYDNEY, TODAY);
        assertThat(periods).containsExactlyInAnyOrder(day("2027-07-05"), day("2027-07-09"));
    }

    @Test
    void aRuleWithoutEndIsBoundedAndOneThatRepeatsTooOftenIsRefused() throws Exception {
        List<AwayPeriod> daily = IcsCalendar.periods(calendar("""
                BEGIN:VEVENT
                DTSTART;VALUE=DATE:19700101
                RRULE:FREQ=DAILY
                END:VEVENT
                """), SYDNEY, TODAY);
        assertThat(daily).hasSize(400 + 731 + 1).first().isEqualTo(day("2026-05-11"));
        assertThatThrownBy(() -> IcsCalendar.periods(calendar("""
                BEGIN:VEVENT
                DTSTART:20270101T000000Z
                RRULE:FREQ=MINUTELY
                END:VEVENT
                """), SYDNEY, TODAY)).isInstanceOf(IcsCalendar.Unreadable.class).hasMessageContaining("more than 5000 events");
    }

    @Test
    void garbageTruncatedAndHugeFilesAreRefusedWithAReason() {
        assertThatThrownBy(() -> IcsCalendar.periods("", SYDNEY)).hasMessageContaining("not an iCalendar file");
        assertThatThrownBy(() -> IcsCalendar.periods("\u0000\u0001garbage\nBEGIN:VCALENDAR\n", SYDNEY))
                .hasMessageContaining("not an iCalendar file");
        assertThatThrownBy(() -> IcsCalendar.periods("BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nDTSTART;VALUE=DATE:2027", SYDNEY))
                .hasMessageContaining("ends inside an event");
        assertThatThrownBy(() -> IcsCalendar.periods(calendar("BEGIN:VEVENT\nSUMMARY:no start\nEND:VEVENT\n"), SYDNEY))
                .hasMessageContaining("without a start (line 6)");
        assertThatThrownBy(() -> IcsCalendar.periods(calendar(
                "BEGIN:VEVENT\nDTSTART;VALUE=DATE:20271201\nDTEND;VALUE=DATE:20271101\nEND:VEVENT\n"), SYDNEY))
                .hasMessageContaining("ends before it starts");
        assertThatThrownBy(() -> IcsCalendar.periods(calendar(
                "BEGIN:VEVENT\nDTSTART;VALUE=DATE:20271201\nRRULE:FREQ=SOMETIMES;;=\nEND:VEVENT\n"), SYDNEY))
                .isInstanceOf(IcsCalendar.Unreadable.class);
        String many = "BEGIN:VEVENT\nDTSTART;VALUE=DATE:20271201\nEND:VEVENT\n".repeat(IcsCalendar.MOST_EVENTS + 1);
        assertThatThrownBy(() -> IcsCalendar.periods(calendar(many), SYDNEY)).hasMessageContaining("more than 5000 events");
    }

    @Test
    void aByteOrderMarkAndLowerCaseAndUnknownZonesAreTolerated() throws Exception {
        List<AwayPeriod> periods = IcsCalendar.periods("\uFEFF" + calendar("""
                begin:vevent
                DTSTART;TZID="W. Europe Standard Time":20271201T100000
                DTEND;TZID="W. Europe Standard Time":20271201T110000
                end:vevent
                """), SYDNEY, TODAY);
        assertThat(periods).containsExactly(day("2027-12-01"));
    }

    @Test
    void aTimedRepetitionWithADurationSkipsItsTimedExceptionsAndStopsAtAUtcUntil() throws Exception {
        List<AwayPeriod> periods = IcsCalendar.periods(calendar("""
                BEGIN:VEVENT
                UID:fridays-afternoon@test
                DTSTART;TZID=Australia/Sydney:20270702T130000
                DURATION:PT4H
                RRULE:FREQ=WEEKLY;UNTIL=20270722T235959Z
                EXDATE;TZID=Australia/Sydney:20270709T130000
                END:VEVENT
                """), SYDNEY, TODAY);
        // 23 July 1 p.m. in Sydney is 03:00 UTC on the 23rd, after UNTIL; 9 July is an exception.
        assertThat(periods).containsExactly(day("2027-07-02"), day("2027-07-16"));
    }
}
