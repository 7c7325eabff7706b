package dev.daybook.slack.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.MarkdownTextObject;
import org.junit.jupiter.api.Test;

import dev.daybook.budget.BudgetTarget;
import dev.daybook.budget.Split;
import dev.daybook.digest.summary.GoalLine;
import dev.daybook.digest.IsoWeek;
import dev.daybook.digest.summary.Line;
import dev.daybook.digest.summary.OpenBlocker;
import dev.daybook.digest.summary.Plan;
import dev.daybook.digest.summary.Poster;
import dev.daybook.digest.summary.RunLine;
import dev.daybook.digest.summary.TimeSplit;
import dev.daybook.digest.summary.WeeklySummary;
import dev.daybook.slack.blockkit.SlackText;

/** The summary in Block Kit stays inside Slack's limits however big the week. */
class SummaryBlocksTests {

    private static final LocalDate TUE = LocalDate.of(2026, 11, 24);

    @Test
    void aHugeWeekFitsSlacksLimitsAndPointsToTheWebPage() {
        List<Line> lines = new ArrayList<>();
        List<Plan> plans = new ArrayList<>();
        List<RunLine> runs = new ArrayList<>();
        List<GoalLine> goals = new ArrayList<>();
        List<OpenBlocker> open = new ArrayList<>();
        List<Poster> posters = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            String person = "Person " + i + " <with> a very long name " + "x".repeat(60);
            lines.add(new Line("U" + i, person, TUE, "item " + i + " " + "words ".repeat(500)));
            plans.add(new Plan("U" + i, person, TUE, List.of("plan " + "p".repeat(900), "second " + i)));
            runs.add(new RunLine("run:" + i, person, TUE, "f1=0." + i, i % 2 == 0 ? RunLine.Check.VERIFIED : RunLine.Check.UNVERIFIED));
            goals.add(new GoalLine("goal-" + i, "Goal " + i + " " + "g".repeat(300), "precision", ">= 0.90", 0.8, 0.7,
                    false, TUE.plusDays(30), List.of()));
            open.add(new OpenBlocker(person, "blocked on " + "b".repeat(800), TUE.minusDays(i), i));
            posters.add(new Poster("U" + i, person, 5));
        }
        WeeklySummary huge = new WeeklySummary("T1", 1, "acme-" + "n".repeat(200), "Acme <Corp>", IsoWeek.of(TUE),
                1500, 4000, lines, goals, runs, lines, open, plans,
                new TimeSplit(new Split(10, 3, 1, 14), BudgetTarget.DEFAULT), posters);

        List<LayoutBlock> blocks = SummaryBlocks.blocks(huge, "https://daybook.example.com/digests/abc", "Posted late: x");

        assertThat(blocks.size()).isLessThanOrEqualTo(SummaryBlocks.MAX_BLOCKS);
        for (LayoutBlock block : blocks) {
            if (block instanceof SectionBlock section) {
                assertThat(section.getText().getText().length()).isLessThanOrEqualTo(SlackText.SECTION_LIMIT);
            } else if (block instanceof HeaderBlock header) {
                assertThat(header.getText().getText().length()).isLessThanOrEqualTo(SummaryBlocks.HEADER_LIMIT);
            } else if (block instanceof ContextBlock context) {
                context.getElements().forEach(e -> assertThat(((MarkdownTextObject) e).getText().length())
                        .isLessThanOrEqualTo(SlackText.SECTION_LIMIT));
            }
        }
        String all = text(blocks);
        assertThat(all).contains("*Highlights*").contains("*Client goals*").contains("*Experiment runs*")
                .contains("*Blockers and asks*").contains("*Next week*").contains("*Who posted*")
                .contains("more on the web page_").contains("https://daybook.example.com/digests/abc")
                .contains("Acme &lt;Corp&gt;").contains("Person 0 &lt;with&gt;").contains("Posted late")
                .contains(":white_check_mark: run:0").contains(":warning: run:1");
        assertThat(all.length()).isLessThan(40_000); // Slack's limit for a whole message
    }

    @Test
    void aQuietWeekSaysSoInAFewBlocks() {
        WeeklySummary quiet = new WeeklySummary("T1", 1, "acme", null, IsoWeek.of(TUE), 0, 0, List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), new TimeSplit(Split.EMPTY, BudgetTarget.DEFAULT), List.of());

        List<LayoutBlock> blocks = SummaryBlocks.blocks(quiet, null, null);

        assertThat(blocks).hasSizeLessThanOrEqualTo(4);
        assertThat(text(blocks)).contains("No updates were posted this week.").contains("0 updates")
                .doesNotContain("Highlights").doesNotContain("/digests/");
    }

    private static String text(List<LayoutBlock> blocks) {
        StringBuilder all = new StringBuilder();
        for (LayoutBlock block : blocks) {
            if (block instanceof SectionBlock section) {
                all.append(section.getText().getText()).append('\n');
            } else if (block instanceof HeaderBlock header) {
                all.append(header.getText().getText()).append('\n');
            } else if (block instanceof ContextBlock context) {
                context.getElements().forEach(e -> all.append(((MarkdownTextObject) e).getText()).append('\n'));
            }
        }
        return all.toString();
    }
}
