package dev.daybook.updates;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.daybook.people.AwayPeriod;
import dev.daybook.people.WorkingCalendar;
import dev.daybook.updates.blockers.BlockerFacts;
import dev.daybook.updates.parsing.ParseProblem;
import dev.daybook.updates.parsing.ParsedItem;
import dev.daybook.updates.parsing.ParsedUpdate;
import dev.daybook.updates.parsing.UpdateParser;
import dev.daybook.updates.parsing.UpdateParser.Form;

/** What didn't work and what waits on the client, as the parser reads them; the age of a client ask. */
class NegativeAndClientTagsTests {

    private final UpdateParser parser = new UpdateParser();

    private ParsedUpdate message(String text) {
        return parser.parse(text, Form.MESSAGE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"Didn't work:", "*Didn’t work*", "## What didn't work", "Ruled out:", "Dead ends:",
            "Negative results:", "没成功：", "排除：", "What did not work:", "**Ruled out**"})
    void itemsUnderADidntWorkHeadingAreNegativeDoneItems(String heading) {
        ParsedUpdate parsed = message("""
                Done:
                - trained the baseline [core]
                %s
                - focal loss, no gain over CE run:8812 f1=0.71
                Next:
                - try label smoothing
                """.formatted(heading));

        assertThat(parsed.verdict()).isEqualTo(ParsedUpdate.Verdict.UPDATE);
        assertThat(parsed.items()).extracting(ParsedItem::section, ParsedItem::text, ParsedItem::negative)
                .containsExactly(tuple(Section.UPDATE, "trained the baseline", false),
                        tuple(Section.UPDATE, "focal loss, no gain over CE run:8812 f1=0.71", true),
                        tuple(Section.NEXT, "try label smoothing", false));
        assertThat(parsed.items().get(1).references().runs()).isNotEmpty();
        assertThat(parsed.problems()).isEmpty();
    }

    @Test
    void aNegativeTagMarksOneDoneItemAndLeavesTheText() {
        ParsedUpdate parsed = parser.parse("Update: tried BPE dropout [negative, 2h]; shipped the loader. Next: eval",
                Form.COMMAND);

        assertThat(parsed.items()).extracting(ParsedItem::text, ParsedItem::negative, ParsedItem::hours)
                .containsExactly(tuple("tried BPE dropout", true, 2.0), tuple("shipped the loader.", false, null),
                        tuple("eval", false, null));
    }

    @Test
    void theOneLineFormHasADidntWorkPartToo() {
        ParsedUpdate parsed = parser.parse("Done: cleaned data; Didn't work: mixup; Next: tune", Form.COMMAND);

        assertThat(parsed.items()).extracting(ParsedItem::text, ParsedItem::negative)
                .containsExactly(tuple("cleaned data", false), tuple("mixup", true), tuple("tune", false));
    }

    @Test
    void aNegativeTagOnAPlanOrBlockerIsTakenOutAndTheAuthorTold() {
        ParsedUpdate parsed = parser.parse("""
                Update: did a thing
                Next: try mixup [negative]
                Blockers: GPU quota [negative]
                """, Form.COMMAND);

        assertThat(parsed.items()).extracting(ParsedItem::text, ParsedItem::negative)
                .containsExactly(tuple("did a thing", false), tuple("try mixup", false), tuple("GPU quota", false));
        assertThat(parsed.problems()).extracting(ParseProblem::kind)
                .containsExactly(ParseProblem.Kind.MISPLACED_TAG, ParseProblem.Kind.MISPLACED_TAG);
        assertThat(parsed.problems().get(0).message()).contains("[negative]").contains("did not use it");
    }

    @Test
    void aClientTagMarksABlockerAsWaitingOnTheClient() {
        ParsedUpdate parsed = parser.parse("""
                Update: labelled 200 invoices
                Next: train
                Blockers:
                - access to the prod bucket [client]
                - flaky CI
                """, Form.COMMAND);

        assertThat(parsed.items(Section.BLOCKER)).extracting(ParsedItem::text, ParsedItem::clientAsk)
                .containsExactly(tuple("access to the prod bucket", true), tuple("flaky CI", false));
        assertThat(parsed.problems()).isEmpty();
    }

    @Test
    void aClientTagOnAnItemThatIsNoBlockerIsNotUsedAndTheAuthorTold() {
        ParsedUpdate parsed = parser.parse("Update: call with the client [client]; Next: send notes [Client]",
                Form.COMMAND);

        assertThat(parsed.items()).extracting(ParsedItem::text, ParsedItem::clientAsk)
                .containsExactly(tuple("call with the client", false), tuple("send notes", false));
        assertThat(parsed.problems()).extracting(ParseProblem::kind).contains(ParseProblem.Kind.MISPLACED_TAG);
        assertThat(parsed.problems()).extracting(ParseProblem::message)
                .anySatisfy(m -> assertThat(m).contains("`[client]` marks a *blocker*"));
    }

    @Test
    void unknownTagsStayInTheTextAsWritten() {
        ParsedUpdate parsed = parser.parse("Update: refactor [WIP] [clients] [negative-ish]; Next: more [tbd]",
                Form.COMMAND);

        assertThat(parsed.items()).extracting(ParsedItem::text, ParsedItem::negative, ParsedItem::clientAsk)
                .containsExactly(tuple("refactor [WIP] [clients] [negative-ish]", false, false),
                        tuple("more [tbd]", false, false));
        assertThat(parsed.problems()).isEmpty();
    }

    @Test
    void aSentenceThatMentionsRuledOutIsNoHeading() {
        ParsedUpdate parsed = message("""
                Done:
                - Ruled out the tokenizer as the cause
                Next:
                - profile the loader
                """);

        assertThat(parsed.items()).extracting(ParsedItem::text, ParsedItem::negative)
                .containsExactly(tuple("Ruled out the tokenizer as the cause", false), tuple("profile the loader", false));
    }

    @Test
    void itemsAndBlockerFactsCarryTheFlags() {
        ParsedUpdate parsed = parser.parse("Update: x; Didn't work: y; Next: z; Blockers: labels [client]", Form.COMMAND);
        List<UpdateItem> items = UpdateService.itemsOf(parsed, dev.daybook.projects.Category.CORE);

        assertThat(items).extracting(UpdateItem::negative).containsExactly(false, true, false, false);
        assertThat(items).extracting(UpdateItem::clientAsk).containsExactly(false, false, false, true);
        assertThat(BlockerFacts.of(items, true).clientAsks()).containsExactly("labels");
        assertThat(BlockerFacts.of(items, true))
                .isNotEqualTo(BlockerFacts.of(UpdateService.itemsOf(parser.parse(
                        "Update: x; Next: z; Blockers: labels", Form.COMMAND), dev.daybook.projects.Category.CORE), true));
    }

    // The age of a client ask: working days of its author after the day it was marked.

    private static final LocalDate FRIDAY = LocalDate.of(2026, 12, 4);

    @Test
    void aClientAskMarkedOnFridayIsNoOlderOverTheWeekend() {
        WorkingCalendar calendar = WorkingCalendar.weekdaysIn(ZoneId.of("Europe/Berlin"));

        assertThat(ClientAskAge.workingDays(calendar, FRIDAY, FRIDAY)).isZero();
        assertThat(ClientAskAge.workingDays(calendar, FRIDAY, FRIDAY.plusDays(1))).isZero();
        assertThat(ClientAskAge.workingDays(calendar, FRIDAY, FRIDAY.plusDays(2))).isZero();
        assertThat(ClientAskAge.workingDays(calendar, FRIDAY, FRIDAY.plusDays(3))).isEqualTo(1);
        assertThat(ClientAskAge.workingDays(calendar, FRIDAY, FRIDAY.plusDays(7))).isEqualTo(5);
        assertThat(ClientAskAge.workingDays(calendar, FRIDAY, FRIDAY.plusDays(10))).isEqualTo(6);
    }

    @Test
    void theAskAgesInItsAuthorsWorkingWeekTimeAwayAndHolidays() {
        // Sunday to Thursday (a week in Israel), a day away and a holiday.
        WorkingCalendar calendar = new WorkingCalendar(ZoneId.of("Asia/Jerusalem"),
                EnumSet.of(DayOfWeek.SUNDAY, DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
                        DayOfWeek.THURSDAY));
        LocalDate thursday = FRIDAY.minusDays(1);
        assertThat(ClientAskAge.workingDays(calendar, thursday, thursday.plusDays(3))).isEqualTo(1); // Sunday

        WorkingCalendar away = WorkingCalendar.weekdaysIn(ZoneId.of("America/Los_Angeles"))
                .withAway(List.of(new AwayPeriod(FRIDAY.plusDays(3), FRIDAY.plusDays(4))))
                .withHolidays(Set.of(FRIDAY.plusDays(5)));
        assertThat(ClientAskAge.workingDays(away, FRIDAY, FRIDAY.plusDays(7))).isEqualTo(2);
    }

    @Test
    void theAskAgesInTheDayOfItsAuthorsZone() {
        WorkingCalendar tokyo = WorkingCalendar.weekdaysIn(ZoneId.of("Asia/Tokyo"));
        WorkingCalendar hawaii = WorkingCalendar.weekdaysIn(ZoneId.of("Pacific/Honolulu"));
        // Monday 00:30 UTC: already Monday in Tokyo, still Sunday in Honolulu.
        java.time.Instant mondayEarly = FRIDAY.plusDays(3).atTime(0, 30).toInstant(java.time.ZoneOffset.UTC);

        assertThat(ClientAskAge.workingDays(tokyo, FRIDAY, tokyo.dayAt(mondayEarly))).isEqualTo(1);
        assertThat(ClientAskAge.workingDays(hawaii, FRIDAY, hawaii.dayAt(mondayEarly))).isZero();
    }

    @Test
    void anAgeReadsAsWorkingDays() {
        assertThat(ClientAskAge.describe(0)).isEqualTo("since today");
        assertThat(ClientAskAge.describe(1)).isEqualTo("1 working day");
        assertThat(ClientAskAge.describe(6)).isEqualTo("6 working days");
        assertThat(ClientAskAge.workingDays(WorkingCalendar.weekdaysIn(ZoneId.of("UTC")), FRIDAY, FRIDAY.minusDays(3)))
                .isZero();
    }
}
