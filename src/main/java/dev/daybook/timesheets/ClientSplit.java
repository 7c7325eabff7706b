package dev.daybook.timesheets;

import java.util.List;
import java.util.Map;

import dev.daybook.budget.BudgetTarget;
import dev.daybook.budget.Split;
import dev.daybook.projects.Category;

/**
 * The 70/20/10 split of one client's written hours, across all the client's projects in the
 * timesheet; items without hours are not in it (they are counted in {@code updatesWithoutHours} instead).
 *
 * @param client           the client's name, or null for projects with no client
 * @param hours            the written hours per category
 * @param updatesWithoutHours updates in these projects with work items but no hours on any of them
 */
public record ClientSplit(String client, List<String> projects, Split hours, int updatesWithoutHours,
                          BudgetTarget target) {

    public double totalHours() {
        return hours.total();
    }

    /** Whole percentages of the written hours, adding up to 100; all zero when no hours were written. */
    public Map<Category, Integer> percents() {
        return hours.percents();
    }
}
