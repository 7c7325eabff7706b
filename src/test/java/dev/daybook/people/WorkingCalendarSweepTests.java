package dev.daybook.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The calendar's invariants for every zone people live in, at every hour of the weeks around both 2027
 * DST changes (and the southern ones): a day holds its own instants, working-day walks land on working
 * days, no count is negative, and nobody's today is later than {@link WorkingCalendar#latestDayOnEarth}.
 * Plain Java, so it sweeps thousands of instants in well under a second.
 */
class WorkingCalendarSweepTests {

    static final List<String> ZONES = List.of("Etc/GMT+12", "Pacific/Pago_Pago", "Pacific/Honolulu",
            "America/Los_Angeles", "America/New_York", "America/St_Johns", "UTC", "Europe/London", "Europe/Berlin",
            "Asia/Kolkata", "Asia/Kathmandu", "Australia/Eucla", "Asia/Shanghai", "Australia/Brisbane",
            "Australia/Adelaide", "Australia/Sydney", "Pacific/Auckland", "Pacific/Chatham", "Pacific/Kiritimati");
    static final List<LocalDate> WEEKS = List.of(LocalDate.parse("2027-03-10"), LocalDate.parse("2027-03-24"),
            LocalDate.parse("2027-04-01"), LocalDate.parse("2027-09-23"), LocalDate.parse("2027-10-27"),
            LocalDate.parse("2027-11-03"));

    static Stream<ZoneId> zones() {
        return ZONES.stream().map(ZoneId::of);
    }

    @ParameterizedTest
    @MethodSource("zones")
    void everyInstantOfTheDstWeeksHasOneDayThatHoldsIt(ZoneId zone) {
        Set<DayOfWeek> days = EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.WEDNESDAY, DayOfWeek.FRIDAY, DayOfWeek.SUNDAY);
        WorkingCalendar calendar = new WorkingCalendar(zone, days,
                List.of(new AwayPeriod(LocalDate.parse("2027-03-12"), LocalDate.parse("2027-03-15"))),
                Set.of(LocalDate.parse("2027-11-05"), LocalDate.parse("2027-03-17")));
        for (LocalDate week : WEEKS) {
            Instant from = week.atStartOfDay(zone).toInstant();
            for (Instant at = from; at.isBefore(from.plus(8, ChronoUnit.DAYS)); at = at.plus(17, ChronoUnit.MINUTES)) {
                LocalDate today = calendar.dayAt(at);
                assertThat(calendar.startOf(today)).isBeforeOrEqualTo(at);
                assertThat(calendar.endOf(today)).isAfter(at);
                assertThat(calendar.dayAt(calendar.momentOn(today, LocalTime.of(9, 0)))).isEqualTo(today);
                assertThat(WorkingCalendar.latestDayOnEarth(at)).isAfterOrEqualTo(today);
                LocalDate monday = calendar.weekAt(at);
                assertThat(monday.getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
                assertThat(ChronoUnit.DAYS.between(monday, today)).isBetween(0L, 6L);
                LocalDate previous = calendar.previousWorkingDay(today);
                assertThat(previous).isBefore(today);
                assertThat(calendar.isWorkingDay(previous)).isTrue();
                assertThat(calendar.isAway(previous) || calendar.isHoliday(previous)).isFalse();
                assertThat(calendar.workingDaysBetween(previous, today.minusDays(1))).isZero();
                LocalDate next = calendar.nextWorkingDay(today);
                assertThat(next).isAfter(today);
                assertThat(calendar.isWorkingDay(next)).isTrue();
                assertThat(calendar.workingDaysBetween(today.minusDays(10), today)).isBetween(0, 10);
            }
        }
    }

    @ParameterizedTest
    @MethodSource("zones")
    void aPersonAwayForYearsStillGetsAnAnswer(ZoneId zone) {
        WorkingCalendar calendar = WorkingCalendar.weekdaysIn(zone)
                .withAway(List.of(new AwayPeriod(LocalDate.parse("2020-01-01"), LocalDate.parse("2035-01-01"))));
        LocalDate day = LocalDate.parse("2027-03-15");
        assertThat(calendar.previousWorkingDay(day)).isEqualTo(day.minusDays(1));
        assertThat(calendar.nextWorkingDay(day)).isEqualTo(day.plusDays(1));
        assertThat(calendar.firstWorkingDayOfWeek(day)).isEqualTo(day);
        assertThat(calendar.workingDaysBetween(day.minusDays(30), day)).isZero();
    }
}
