package dev.daybook.digest.web;

import dev.daybook.digest.IsoWeek;
import dev.daybook.digest.summary.GoalLine;
import dev.daybook.digest.summary.Line;
import dev.daybook.digest.summary.OpenBlocker;
import dev.daybook.digest.summary.Plan;
import dev.daybook.digest.summary.Poster;
import dev.daybook.digest.summary.RunLine;
import dev.daybook.digest.summary.TimeSplit;
import dev.daybook.digest.summary.WeeklySummary;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.daybook.budget.BudgetTarget;
import dev.daybook.budget.Split;

class MarkdownSummaryTests {

    private static final LocalDate TUE = LocalDate.of(2026, 11, 24);

    @Test
    void everySectionInFullWithWhatPeopleWroteKeptLiteral() {
        WeeklySummary week = new WeeklySummary("T1", 1, "acme-invoices", "Acme", IsoWeek.of(TUE), 3, 5,
                List.of(new Line("U1", "Ada", TUE, "val F1 0.87 on <https://mlflow.acme.io/#/experiments/1/runs/ab|the baseline> *really*")),
                List.of(new GoalLine("precision", "Precision on invoices", "precision", ">= 0.90", 0.91, 0.88, true,
                        LocalDate.of(2026, 12, 18), List.of())),
                List.of(new RunLine("mlflow:ab", "Ada", TUE, "f1=0.87", RunLine.Check.UNVERIFIED)),
                List.of(new Line("U1", "Ada", TUE, "need the label guide from <@U2|bob>"), new Line("U1", "Ada", TUE, "GPU quota")),
                List.of(new OpenBlocker("Ada", "need the label guide from <@U2|bob>", TUE, 3)),
                List.of(new Plan("U1", "Ada", TUE, List.of("rerun", "report"))),
                new TimeSplit(new Split(7, 2, 1, 10), BudgetTarget.DEFAULT),
                List.of(new Poster("U1", "Ada", 3), new Poster("U2", "Bob", 1)));

        String md = MarkdownSummary.render(week, "https://daybook.example.com/digests/t");

        assertThat(md).startsWith("# Weekly summary · acme-invoices · 23–29 Nov 2026\n\nWeek 2026-W48 · for Acme\n")
                .contains("## Highlights\n\n- val F1 0.87 on the baseline (https://mlflow.acme.io/\\#/experiments/1/runs/ab) \\*really\\* — Ada, Tue")
                .contains("_1 of 5 items done this week._")
                .contains("## Client goals\n\n- Precision on invoices: precision 0.91 (target \\>= 0.90, met), +0.03 since last week · due Fri 18 Dec")
                .contains("## Experiment runs\n\n- mlflow:ab — f1=0.87 · Ada, Tue · not verified yet")
                .contains("## Blockers and asks\n\n- need the label guide from @bob — Ada, open 3 days\n\n_1 blocker reported this week and resolved since_")
                .contains("## Next week\n\n- **Ada**: rerun; report")
                .contains("core 70% (target 70%) · adjacent 20% (target 20%) · moonshot 10% (target 10%)")
                .contains("## Who posted\n\nAda (3 days), Bob (1 day)")
                .endsWith("[Open the summary with its charts](https://daybook.example.com/digests/t)\n");
    }

    @Test
    void aQuietWeekIsOneLine() {
        WeeklySummary quiet = new WeeklySummary("T1", 1, "acme", null, IsoWeek.of(TUE), 0, 0, List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), new TimeSplit(Split.EMPTY, BudgetTarget.DEFAULT), List.of());

        assertThat(MarkdownSummary.render(quiet, null))
                .isEqualTo("# Weekly summary · acme · 23–29 Nov 2026\n\nWeek 2026-W48\n\nNo updates were posted this week.\n");
    }
}
