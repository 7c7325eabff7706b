package dev.daybook.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.daybook.people.WorkingCalendar;
import dev.daybook.reminders.ReminderRule.DayState;
import dev.daybook.reminders.ReminderRule.Due;
import dev.daybook.reminders.ReminderRule.Timing;

class ReminderRuleTests {

    private static final LocalTime HALF_FOUR = LocalTime.of(16, 30);
    private static final Timing TIMING = new Timing(Duration.ofHours(1), Duration.ofHours(1));
    private static final WorkingCalendar BRISBANE = WorkingCalendar.weekdaysIn(ZoneId.of("Australia/Brisbane"));
    private static final WorkingCalendar LONDON_EVERY_DAY = new WorkingCalendar(ZoneId.of("Europe/London"),
            EnumSet.allOf(DayOfWeek.class));
    private static final WorkingCalendar LOS_ANGELES_EVERY_DAY = new WorkingCalendar(ZoneId.of("America/Los_Angeles"),
            EnumSet.allOf(DayOfWeek.class));

    @Test
    void brisbaneHasNoDaylightSavingSoHalfFourIsAlwaysHalfSixUtc() {
        assertThat(moment(BRISBANE, "2026-01-15")).isEqualTo("2026-01-15T06:30:00Z");
        assertThat(moment(BRISBANE, "2026-07-15")).isEqualTo("2026-07-15T06:30:00Z");
        // Monday in Brisbane starts on Sunday in UTC: the reminder belongs to the Brisbane day.
        assertThat(dueAt(BRISBANE, "2026-11-23T06:30:00Z")).extracting(Due::day).containsExactly(LocalDate.parse("2026-11-23"));
        assertThat(dueAt(BRISBANE, "2026-11-22T06:30:00Z")).isEmpty(); // Sunday there
    }

    @Test
    void londonOnTheSundayTheClocksGoForwardAndBack() {
        // 29 March 2026: GMT to BST at 01:00. Half four is 16:30 UTC on Saturday, 15:30 UTC on Sunday.
        assertThat(moment(LONDON_EVERY_DAY, "2026-03-28")).isEqualTo("2026-03-28T16:30:00Z");
        assertThat(moment(LONDON_EVERY_DAY, "2026-03-29")).isEqualTo("2026-03-29T15:30:00Z");
        assertThat(dueAt(LONDON_EVERY_DAY, "2026-03-29T15:30:00Z")).extracting(Due::kind).containsExactly(ReminderKind.REMINDER);
        assertThat(dueAt(LONDON_EVERY_DAY, "2026-03-29T15:29:59Z")).isEmpty();
        // 25 October 2026: back to GMT.
        assertThat(moment(LONDON_EVERY_DAY, "2026-10-24")).isEqualTo("2026-10-24T15:30:00Z");
        assertThat(moment(LONDON_EVERY_DAY, "2026-10-25")).isEqualTo("2026-10-25T16:30:00Z");
    }

    @Test
    void losAngelesOnTheSundayTheClocksGoForwardAndBack() {
        // 8 March 2026: PST to PDT. Saturday's half four is already Sunday in UTC.
        assertThat(moment(LOS_ANGELES_EVERY_DAY, "2026-03-07")).isEqualTo("2026-03-08T00:30:00Z");
        assertThat(moment(LOS_ANGELES_EVERY_DAY, "2026-03-08")).isEqualTo("2026-03-08T23:30:00Z");
        assertThat(dueAt(LOS_ANGELES_EVERY_DAY, "2026-03-08T00:45:00Z")).extracting(Due::day)
                .containsExactly(LocalDate.parse("2026-03-07"));
        // 1 November 2026: back to PST.
        assertThat(moment(LOS_ANGELES_EVERY_DAY, "2026-10-31")).isEqualTo("2026-10-31T23:30:00Z");
        assertThat(moment(LOS_ANGELES_EVERY_DAY, "2026-11-01")).isEqualTo("2026-11-02T00:30:00Z");
    }

    @Test
    void aReminderTimeThatDoesNotExistOrHappensTwiceOnAClockChangeGoesOutOnce() {
        LocalDate springForward = LocalDate.parse("2026-03-08");
        LocalDate fallBack = LocalDate.parse("2026-11-01");
        // 02:30 does not exist on 8 March in Los Angeles: it happens at 03:30 PDT.
        assertThat(LOS_ANGELES_EVERY_DAY.momentOn(springForward, LocalTime.of(2, 30))).isEqualTo("2026-03-08T10:30:00Z");
        // 01:30 happens twice on 1 November: the first one counts.
        Instant first = LOS_ANGELES_EVERY_DAY.momentOn(fallBack, LocalTime.of(1, 30));
        assertThat(first).isEqualTo("2026-11-01T08:30:00Z");
        List<Due> atFirst = ReminderRule.due(LOS_ANGELES_EVERY_DAY, fallBack, LocalTime.of(1, 30), false,
                DayState.FRESH, TIMING, first);
        assertThat(atFirst).hasSize(1);
        // An hour later the wall clock reads 01:30 again; the same day's reminder is the same reminder
        // (its dispatch key is the day and the kind), and it is no longer due.
        List<Due> again = ReminderRule.due(LOS_ANGELES_EVERY_DAY, fallBack, LocalTime.of(1, 30), false,
                DayState.FRESH, TIMING, first.plus(Duration.ofHours(1)));
        assertThat(again).isEmpty();
    }

    @Test
    void someoneTravellingGetsTheReminderAtHalfFourWhereTheyAreNowOncePerDay() {
        WorkingCalendar inLondon = WorkingCalendar.weekdaysIn(ZoneId.of("Europe/London"));
        WorkingCalendar inLosAngeles = WorkingCalendar.weekdaysIn(ZoneId.of("America/Los_Angeles"));
        // Tuesday 24 November: reminded in London at 16:30 UTC...
        Instant london = Instant.parse("2026-11-24T16:30:00Z");
        assertThat(ReminderRule.due(inLondon, inLondon.dayAt(london), HALF_FOUR, true, DayState.FRESH, TIMING, london))
                .extracting(Due::key).containsExactly("reminder:reminder");
        // ...then flies to Los Angeles: it is Tuesday there too, and half four comes again at 00:30 UTC.
        Instant losAngeles = Instant.parse("2026-11-25T00:30:00Z");
        List<Due> there = ReminderRule.due(inLosAngeles, inLosAngeles.dayAt(losAngeles), HALF_FOUR, true,
                new DayState(false, null, 0, true), TIMING, losAngeles);
        assertThat(there).extracting(Due::day, Due::key)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(LocalDate.parse("2026-11-24"), "reminder:reminder"));
        // Same day, same key: the dispatch recorded in London stops a second reminder.
    }

    @Test
    void theFollowUpComesAnHourAfterASentReminderUnlessSnoozedOrSkipped() {
        WorkingCalendar london = WorkingCalendar.weekdaysIn(ZoneId.of("Europe/London"));
        LocalDate tuesday = LocalDate.parse("2026-11-24");
        Instant followUp = Instant.parse("2026-11-24T17:30:00Z");
        DayState sent = new DayState(false, null, 0, true);

        assertThat(ReminderRule.due(london, tuesday, HALF_FOUR, true, sent, TIMING, followUp))
                .extracting(Due::kind).containsExactly(ReminderKind.FOLLOW_UP);
        assertThat(ReminderRule.due(london, tuesday, HALF_FOUR, false, sent, TIMING, followUp)).isEmpty();
        assertThat(ReminderRule.due(london, tuesday, HALF_FOUR, true, DayState.FRESH, TIMING, followUp)).isEmpty();
        assertThat(ReminderRule.due(london, tuesday, HALF_FOUR, true, new DayState(true, null, 0, true), TIMING,
                followUp)).isEmpty();
        Instant snoozedUntil = Instant.parse("2026-11-24T17:05:00Z");
        assertThat(ReminderRule.due(london, tuesday, HALF_FOUR, true, new DayState(false, snoozedUntil, 1, true),
                TIMING, followUp)).extracting(Due::kind, Due::key)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(ReminderKind.SNOOZED, "reminder:snoozed-1"));
    }

    @Test
    void aReminderIsDueForAnHourThenStale() {
        WorkingCalendar london = WorkingCalendar.weekdaysIn(ZoneId.of("Europe/London"));
        assertThat(dueAt(london, "2026-11-24T16:30:00Z")).hasSize(1);
        assertThat(dueAt(london, "2026-11-24T17:29:59Z")).hasSize(1);
        assertThat(dueAt(london, "2026-11-24T17:30:00Z")).isEmpty();
        assertThat(ReminderRule.isStale(Instant.parse("2026-11-24T16:30:00Z"), Instant.parse("2026-11-24T17:31:00Z"),
                Duration.ofHours(1))).isTrue();
    }

    @Test
    void noReminderOnDaysOff() {
        WorkingCalendar fourDays = new WorkingCalendar(ZoneId.of("Europe/London"),
                EnumSet.of(DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY));
        assertThat(dueAt(fourDays, "2026-11-26T16:31:00Z")).hasSize(1); // Thursday
        assertThat(dueAt(fourDays, "2026-11-27T16:31:00Z")).isEmpty(); // Friday
        assertThat(dueAt(WorkingCalendar.weekdaysIn(ZoneId.of("Europe/London")), "2026-11-28T16:31:00Z")).isEmpty();
    }

    private static Instant moment(WorkingCalendar calendar, String day) {
        return ReminderRule.reminderMoment(calendar, LocalDate.parse(day), HALF_FOUR);
    }

    private static List<Due> dueAt(WorkingCalendar calendar, String instant) {
        Instant now = Instant.parse(instant);
        return ReminderRule.candidateDays(calendar, now).stream()
                .flatMap(day -> ReminderRule.due(calendar, day, HALF_FOUR, true, DayState.FRESH, TIMING, now).stream())
                .toList();
    }
}
