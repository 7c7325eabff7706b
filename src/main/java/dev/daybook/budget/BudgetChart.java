package dev.daybook.budget;

import java.util.Locale;
import java.util.Map;

import dev.daybook.projects.Category;

/**
 * A split as a small text chart, one line per category:
 * {@code core      ██████████████░░░░░░  68%  target 70%}. Monospace, for a code block.
 */
public final class BudgetChart {

    static final int WIDTH = 20;

    private BudgetChart() {
    }

    public static String chart(Split split, BudgetTarget target) {
        if (split.isEmpty()) {
            return "nothing recorded";
        }
        Map<Category, Integer> percents = split.percents();
        StringBuilder chart = new StringBuilder();
        for (Category category : Category.values()) {
            int percent = percents.get(category);
            int filled = (int) Math.round(percent * WIDTH / 100.0);
            if (chart.length() > 0) {
                chart.append('\n');
            }
            chart.append(String.format(Locale.ROOT, "%-9s ", category.label()))
                    .append("█".repeat(filled)).append("░".repeat(WIDTH - filled))
                    .append(String.format(Locale.ROOT, " %3d%%  target %d%%", percent, target.percent(category)));
        }
        return chart.toString();
    }

    /** One line: {@code 68/24/8}. */
    public static String inline(Split split) {
        if (split.isEmpty()) {
            return "nothing recorded";
        }
        Map<Category, Integer> p = split.percents();
        return p.get(Category.CORE) + "/" + p.get(Category.ADJACENT) + "/" + p.get(Category.MOONSHOT);
    }
}
