package dev.daybook.updates.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;

import org.junit.jupiter.api.Test;

import dev.daybook.people.WorkingCalendar;
import dev.daybook.updates.recording.FilingRule.Filing;
import dev.daybook.updates.recording.FilingRule.PreviousDay;

class FilingRuleTests {

    private static final WorkingCalendar LONDON = WorkingCalendar.weekdaysIn(ZoneId.of("Europe/London"));
    private static final WorkingCalendar BRISBANE = WorkingCalendar.weekdaysIn(ZoneId.of("Australia/Brisbane"));

    private static Instant london(String localDateTime) {
        return LocalDateTimeIn.of(localDateTime, "Europe/London");
    }

    @Test
    void anEveningPostIsForToday() {
        Filing filing = FilingRule.dayFor(london("2026-11-24T17:30"), LONDON, true, false, PreviousDay.NONE);

        assertThat(filing).isEqualTo(new Filing(LocalDate.parse("2026-11-24"), false));
    }

    @Test
    void aMorningPostGoesToYesterdayWhenYesterdayHasNone() {
        Filing filing = FilingRule.dayFor(london("2026-11-24T09:15"), LONDON, true, false, PreviousDay.NONE);

        assertThat(filing).isEqualTo(new Filing(LocalDate.parse("2026-11-23"), true));
    }

    @Test
    void aMondayMorningPostGoesToFriday() {
        Filing filing = FilingRule.dayFor(london("2026-11-23T08:00"), LONDON, true, false, PreviousDay.NONE);

        assertThat(filing.day()).isEqualTo("2026-11-20");
    }

    @Test
    void aMorningPostIsForTodayWhenYesterdayWasPostedOnTime() {
        Filing filing = FilingRule.dayFor(london("2026-11-24T09:15"), LONDON, true, false, PreviousDay.ON_TIME);

        assertThat(filing).isEqualTo(new Filing(LocalDate.parse("2026-11-24"), false));
    }

    @Test
    void aSecondMorningPostRevisesTheLateOne() {
        Filing filing = FilingRule.dayFor(london("2026-11-24T10:45"), LONDON, true, false, PreviousDay.LATE);

        assertThat(filing.day()).isEqualTo("2026-11-23");
    }

    @Test
    void someonesFirstEverPostIsForToday() {
        Filing filing = FilingRule.dayFor(london("2026-11-24T09:15"), LONDON, false, false, PreviousDay.NONE);

        assertThat(filing.day()).isEqualTo("2026-11-24");
    }

    @Test
    void noonIsNoLongerMorning() {
        Filing filing = FilingRule.dayFor(london("2026-11-24T12:00"), LONDON, true, false, PreviousDay.NONE);

        assertThat(filing.day()).isEqualTo("2026-11-24");
    }

    @Test
    void aMorningPostAfterOneAlreadyFiledTodayStaysToday() {
        Filing filing = FilingRule.dayFor(london("2026-11-24T11:00"), LONDON, true, true, PreviousDay.NONE);

        assertThat(filing.day()).isEqualTo("2026-11-24");
    }

    @Test
    void morningIsTheAuthorsMorning() {
        Instant instant = Instant.parse("2026-11-23T23:30:00Z"); // 09:30 Tuesday in Brisbane, 23:30 Monday in London

        assertThat(FilingRule.dayFor(instant, BRISBANE, true, false, PreviousDay.NONE).day()).isEqualTo("2026-11-23");
        assertThat(FilingRule.dayFor(instant, LONDON, true, false, PreviousDay.NONE).day()).isEqualTo("2026-11-23");
        assertThat(FilingRule.dayFor(instant, LONDON, true, false, PreviousDay.NONE).late()).isFalse();
    }

    @Test
    void theMorningAfterTheClocksChangeIsStillMorning() {
        WorkingCalendar la = WorkingCalendar.weekdaysIn(ZoneId.of("America/Los_Angeles"));
        Instant mondayMorning = LocalDateTimeIn.of("2026-11-02T08:30", "America/Los_Angeles");

        assertThat(FilingRule.dayFor(mondayMorning, la, true, false, PreviousDay.NONE).day()).isEqualTo("2026-10-30");
    }

    private static final class LocalDateTimeIn {
        static Instant of(String localDateTime, String zone) {
            return java.time.LocalDateTime.parse(localDateTime).atZone(ZoneId.of(zone)).toInstant();
        }
    }

    @Test
    void onlyAMorningPostMayBeLate() {
        assertThat(FilingRule.mayBeLate(london("2026-11-24T00:00"), LONDON)).isTrue();
        assertThat(FilingRule.mayBeLate(london("2026-11-24T11:59"), LONDON)).isTrue();
        assertThat(FilingRule.mayBeLate(london("2026-11-24T12:00"), LONDON)).isFalse();
        assertThat(FilingRule.mayBeLate(london("2026-11-24T23:59"), LONDON)).isFalse();
    }

    @Test
    void whatCannotBeLateIsTodaysWhateverWasFiledBefore() {
        Instant afternoon = london("2026-11-24T12:00");
        for (PreviousDay previous : PreviousDay.values()) {
            for (boolean postedBefore : new boolean[] {true, false}) {
                for (boolean postedToday : new boolean[] {true, false}) {
                    assertThat(FilingRule.dayFor(afternoon, LONDON, postedBefore, postedToday, previous))
                            .isEqualTo(new Filing(LocalDate.parse("2026-11-24"), false));
                }
            }
        }
    }
}
