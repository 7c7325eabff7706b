package dev.daybook.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

import dev.daybook.people.AwayPeriod.Refusal;

/** The one rule for time away someone asks for, used by {@code /daybook away} and the settings form alike. */
class AwayPeriodTests {

    private static final LocalDate TODAY = LocalDate.parse("2027-03-10");

    @Test
    void aPeriodFromTodayOnIsRecordedAsAsked() {
        assertThat(AwayPeriod.ask(TODAY, TODAY, TODAY).period()).isEqualTo(new AwayPeriod(TODAY, TODAY));
        assertThat(AwayPeriod.ask(TODAY.plusDays(3), TODAY.plusDays(9), TODAY).period())
                .isEqualTo(new AwayPeriod(TODAY.plusDays(3), TODAY.plusDays(9)));
        assertThat(AwayPeriod.ask(TODAY, TODAY, TODAY).refusal()).isNull();
    }

    @Test
    void thePastCannotBeChangedSoAPeriodThatStartedEarlierStartsToday() {
        assertThat(AwayPeriod.ask(TODAY.minusDays(5), TODAY.plusDays(2), TODAY).period())
                .isEqualTo(new AwayPeriod(TODAY, TODAY.plusDays(2)));
        assertThat(AwayPeriod.ask(TODAY.minusDays(5), TODAY, TODAY).period()).isEqualTo(new AwayPeriod(TODAY, TODAY));
    }

    @Test
    void aPeriodThatIsOverIsRefusedEvenWhenItIsAlsoReversed() {
        assertThat(AwayPeriod.ask(TODAY.minusDays(3), TODAY.minusDays(1), TODAY).refusal()).isEqualTo(Refusal.PASSED);
        assertThat(AwayPeriod.ask(TODAY.minusDays(1), TODAY.minusDays(3), TODAY).refusal()).isEqualTo(Refusal.PASSED);
        assertThat(AwayPeriod.ask(TODAY.minusDays(3), TODAY.minusDays(1), TODAY).period()).isNull();
    }

    @Test
    void aPeriodThatEndsBeforeItStartsIsRefused() {
        assertThat(AwayPeriod.ask(TODAY.plusDays(9), TODAY.plusDays(2), TODAY).refusal())
                .isEqualTo(Refusal.ENDS_BEFORE_IT_STARTS);
        assertThat(AwayPeriod.ask(TODAY.plusDays(1), TODAY, TODAY).refusal()).isEqualTo(Refusal.ENDS_BEFORE_IT_STARTS);
    }

    @Test
    void atMostAYearFromTheFirstDay() {
        assertThat(AwayPeriod.ask(TODAY, TODAY.plusDays(AwayPeriod.LONGEST_DAYS), TODAY).period()).isNotNull();
        assertThat(AwayPeriod.ask(TODAY, TODAY.plusDays(AwayPeriod.LONGEST_DAYS + 1), TODAY).refusal())
                .isEqualTo(Refusal.TOO_LONG);
        // Measured from the first day, so a period that starts in a month may end a year after that.
        LocalDate first = TODAY.plusDays(30);
        assertThat(AwayPeriod.ask(first, first.plusDays(AwayPeriod.LONGEST_DAYS), TODAY).period()).isNotNull();
        assertThat(AwayPeriod.ask(first, first.plusDays(AwayPeriod.LONGEST_DAYS + 1), TODAY).refusal())
                .isEqualTo(Refusal.TOO_LONG);
    }

    @Test
    void aPeriodMovedToTodayIsMeasuredFromToday() {
        // Started 100 days ago and ends a year from today: a year from its (moved) first day, so accepted.
        assertThat(AwayPeriod.ask(TODAY.minusDays(100), TODAY.plusDays(AwayPeriod.LONGEST_DAYS), TODAY).period())
                .isEqualTo(new AwayPeriod(TODAY, TODAY.plusDays(AwayPeriod.LONGEST_DAYS)));
        assertThat(AwayPeriod.ask(TODAY.minusDays(100), TODAY.plusDays(AwayPeriod.LONGEST_DAYS + 1), TODAY).refusal())
                .isEqualTo(Refusal.TOO_LONG);
    }

    @Test
    void aWholeLeapYearFits() {
        LocalDate first = LocalDate.parse("2028-01-01");
        assertThat(AwayPeriod.ask(first, LocalDate.parse("2028-12-31"), first).period()).isNotNull();
        assertThat(AwayPeriod.ask(first, LocalDate.parse("2029-01-01"), first).period()).isNotNull();
        assertThat(AwayPeriod.ask(first, LocalDate.parse("2029-01-02"), first).refusal()).isEqualTo(Refusal.TOO_LONG);
    }
}
