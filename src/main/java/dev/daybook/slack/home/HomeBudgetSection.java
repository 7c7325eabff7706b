package dev.daybook.slack.home;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import java.util.List;

import com.slack.api.model.block.LayoutBlock;
import org.springframework.stereotype.Component;

import dev.daybook.budget.Budget;
import dev.daybook.budget.BudgetReport;
import dev.daybook.slack.blockkit.SlackText;

/** App Home: my 70/20/10 this week. */
@Component
class HomeBudgetSection implements HomeSection {

    private final Budget budget;

    HomeBudgetSection(Budget budget) {
        this.budget = budget;
    }

    @Override
    public int order() {
        return 40;
    }

    @Override
    public List<LayoutBlock> blocks(String teamId, String userId) {
        BudgetReport report = budget.report(teamId, userId);
        String text = "*My 70/20/10 this week* (from " + SlackText.day(report.week()) + ", target " + report.target()
                + ")\n```" + dev.daybook.budget.BudgetChart.chart(report.mine(), report.target()) + "```";
        return List.of(section(s -> s.text(markdownText(text))));
    }
}
