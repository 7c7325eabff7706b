package dev.daybook.slack.budget;

import dev.daybook.budget.BudgetChart;
import dev.daybook.budget.BudgetReport;
import dev.daybook.budget.BudgetTarget;
import dev.daybook.budget.Drift;
import dev.daybook.budget.Split;
import dev.daybook.slack.blockkit.SlackText;

/** The 70/20/10 budget as Slack text: small monospace charts. */
final class BudgetText {

    private BudgetText() {
    }

    static String report(BudgetReport report) {
        BudgetTarget target = report.target();
        return "*Your 70/20/10* · target " + target + "\n"
                + part("You, this week (from " + SlackText.day(report.week()) + ")", report.mine(), target)
                + part("You, last week", report.mineLastWeek(), target)
                + part("Team, this week", report.team(), target)
                + part("Team, last week", report.teamLastWeek(), target)
                + "_Hours count where given (`[core 2h]`); otherwise each item counts as an hour. "
                + "Untagged items take the project's default category._";
    }

    static String part(String title, Split split, BudgetTarget target) {
        return "*" + title + "*\n```" + BudgetChart.chart(split, target) + "```\n";
    }

    static String drift(Drift drift, BudgetTarget target) {
        return switch (drift) {
            case NO_MOONSHOT -> "No moonshot time yet this week (target " + target.moonshot()
                    + "%): is there an hour for the idea that might not work?";
            case CORE_LOW -> "Core work is well below its target of " + target.core()
                    + "%: is the client's work getting the time it needs?";
        };
    }
}
