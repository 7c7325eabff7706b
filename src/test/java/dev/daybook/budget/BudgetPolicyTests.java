package dev.daybook.budget;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.daybook.projects.Category;
import dev.daybook.updates.DoneItem;
import dev.daybook.updates.Section;
import dev.daybook.updates.UpdateItem;
import dev.daybook.updates.UpdateSource;
import dev.daybook.updates.UpdateView;

class BudgetPolicyTests {

    @Test
    void withoutHoursEveryDoneItemCountsOnce() {
        Split split = BudgetPolicy.split(List.of(update(
                done(Category.CORE, null), done(Category.CORE, null), done(Category.ADJACENT, null),
                done(Category.MOONSHOT, null), next(Category.MOONSHOT), blocker(Category.ADJACENT))));

        assertThat(split.items()).isEqualTo(4);
        assertThat(split.percents()).containsEntry(Category.CORE, 50).containsEntry(Category.ADJACENT, 25)
                .containsEntry(Category.MOONSHOT, 25);
    }

    @Test
    void hoursWeighWhenGiven() {
        Split split = BudgetPolicy.split(List.of(update(done(Category.CORE, 6.0), done(Category.MOONSHOT, 2.0))));

        assertThat(split.core()).isEqualTo(6.0);
        assertThat(split.percents()).containsEntry(Category.CORE, 75).containsEntry(Category.MOONSHOT, 25);
    }

    @Test
    void anItemWithoutHoursNextToItemsWithHoursWeighsTheirAverage() {
        // 4h and 2h tagged: the untagged-hours item counts as 3h.
        Split split = BudgetPolicy.split(List.of(update(done(Category.CORE, 4.0), done(Category.CORE, 2.0),
                done(Category.ADJACENT, null))));

        assertThat(split.core()).isEqualTo(6.0);
        assertThat(split.adjacent()).isEqualTo(3.0);
    }

    @Test
    void updatesWithAndWithoutHoursAddUpAnItemWithoutAnyHoursBeingAnHour() {
        Split split = BudgetPolicy.split(List.of(
                update(done(Category.CORE, 7.0), done(Category.MOONSHOT, 1.0)),
                update(done(Category.ADJACENT, null), done(Category.ADJACENT, null))));

        assertThat(split.total()).isEqualTo(10.0);
        assertThat(split.percents()).containsEntry(Category.CORE, 70).containsEntry(Category.ADJACENT, 20)
                .containsEntry(Category.MOONSHOT, 10);
    }

    @Test
    void percentagesAlwaysAddUpToAHundred() {
        Split thirds = new Split(1, 1, 1, 3);
        assertThat(thirds.percents().values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(100);
        assertThat(Split.EMPTY.percents()).containsEntry(Category.CORE, 0);
    }

    @Test
    void noMoonshotTimeByThursdayIsDrift() {
        Split coreOnly = new Split(5, 1, 0, 6);

        assertThat(BudgetPolicy.drift(coreOnly, BudgetTarget.DEFAULT, DayOfWeek.WEDNESDAY)).isEmpty();
        assertThat(BudgetPolicy.drift(coreOnly, BudgetTarget.DEFAULT, DayOfWeek.THURSDAY)).containsExactly(Drift.NO_MOONSHOT);
        assertThat(BudgetPolicy.drift(coreOnly, new BudgetTarget(80, 20, 0), DayOfWeek.THURSDAY)).isEmpty();
    }

    @Test
    void coreBelowFiftyFromWednesdayIsDrift() {
        Split adjacentHeavy = new Split(2, 3, 1, 6); // core 33%
        assertThat(BudgetPolicy.drift(adjacentHeavy, BudgetTarget.DEFAULT, DayOfWeek.TUESDAY)).isEmpty();
        assertThat(BudgetPolicy.drift(adjacentHeavy, BudgetTarget.DEFAULT, DayOfWeek.WEDNESDAY)).containsExactly(Drift.CORE_LOW);
        assertThat(BudgetPolicy.drift(new Split(5, 4, 1, 10), BudgetTarget.DEFAULT, DayOfWeek.WEDNESDAY)).isEmpty();
        // A lower core target lowers the line: 60/30/10 drifts below 40%.
        assertThat(BudgetPolicy.drift(new Split(4.5, 4.5, 1, 10), new BudgetTarget(60, 30, 10), DayOfWeek.WEDNESDAY)).isEmpty();
    }

    @Test
    void tooLittleRecordedIsNotJudged() {
        assertThat(BudgetPolicy.drift(new Split(0, 2, 0, 2), BudgetTarget.DEFAULT, DayOfWeek.FRIDAY)).isEmpty();
    }

    @Test
    void targetsAreParsedAndMustAddUpToAHundred() {
        assertThat(BudgetTarget.parse("60/30/10").target()).contains(new BudgetTarget(60, 30, 10));
        assertThat(BudgetTarget.parse(" 50 % / 30% / 20% ").target()).contains(new BudgetTarget(50, 30, 20));
        assertThat(BudgetTarget.parse("80 15 5").target()).contains(new BudgetTarget(80, 15, 5));
        assertThat(BudgetTarget.parse("70/20/20").problem()).contains("add up to 110%");
        assertThat(BudgetTarget.parse("70/30").problem()).contains("like `70/20/10`");
        assertThat(BudgetTarget.parse("seventy").problem()).contains("three percentages");
        assertThat(BudgetTarget.parse("-10/100/10").target()).isEmpty();
    }

    @Test
    void theChartIsASmallTextBarPerCategory() {
        String chart = BudgetChart.chart(new Split(14, 5, 1, 20), BudgetTarget.DEFAULT);

        assertThat(chart.lines()).containsExactly(
                "core      ██████████████░░░░░░  70%  target 70%",
                "adjacent  █████░░░░░░░░░░░░░░░  25%  target 20%",
                "moonshot  █░░░░░░░░░░░░░░░░░░░   5%  target 10%");
        assertThat(BudgetChart.chart(Split.EMPTY, BudgetTarget.DEFAULT)).isEqualTo("nothing recorded");
        assertThat(BudgetChart.inline(new Split(14, 5, 1, 20))).isEqualTo("70/25/5");
    }

    @Test
    void itemsReadForARangeOfDaysWeighWithTheOthersOfTheirUpdateInWhateverOrderTheyCome() {
        LocalDate day = LocalDate.parse("2026-11-24");
        // Update 1: 4h of core, and an item without hours that weighs their average (4h); update 2 has no hours: 1h each.
        List<DoneItem> done = List.of(
                new DoneItem(1, "U1", day, Category.CORE, 4.0),
                new DoneItem(2, "U2", day, Category.MOONSHOT, null),
                new DoneItem(1, "U1", day, Category.ADJACENT, null),
                new DoneItem(2, "U2", day, Category.CORE, null));

        Split split = BudgetPolicy.splitOf(done);

        assertThat(split.items()).isEqualTo(4);
        assertThat(split.core()).isEqualTo(5.0);
        assertThat(split.adjacent()).isEqualTo(4.0);
        assertThat(split.moonshot()).isEqualTo(1.0);
        assertThat(BudgetPolicy.splitOf(List.of())).isEqualTo(Split.EMPTY);
    }

    @Test
    void anUpdatesDoneItemsSplitAsTheUpdateDoes() {
        UpdateView update = update(done(Category.CORE, 4.0), next(Category.MOONSHOT), done(Category.ADJACENT, null),
                blocker(Category.CORE));

        assertThat(update.done()).extracting(DoneItem::category).containsExactly(Category.CORE, Category.ADJACENT);
        assertThat(BudgetPolicy.splitOf(update.done())).isEqualTo(BudgetPolicy.split(List.of(update)));
    }

    private static UpdateView update(UpdateItem... items) {
        return new UpdateView(1, "T", 1, "U", LocalDate.parse("2026-11-24"), UpdateSource.SLASH_COMMAND, 1, false,
                Instant.EPOCH, Instant.EPOCH, List.of(items));
    }

    private static UpdateItem done(Category category, Double hours) {
        return new UpdateItem(Section.UPDATE, "work", category, true, hours);
    }

    private static UpdateItem next(Category category) {
        return new UpdateItem(Section.NEXT, "plan", category, true, null);
    }

    private static UpdateItem blocker(Category category) {
        return new UpdateItem(Section.BLOCKER, "stuck", category, true, null);
    }
}
