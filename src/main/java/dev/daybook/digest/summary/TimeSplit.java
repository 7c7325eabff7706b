package dev.daybook.digest.summary;

import dev.daybook.budget.BudgetTarget;
import dev.daybook.budget.Split;

/** The project's 70/20/10 split for the week against the team's target. */
public record TimeSplit(Split split, BudgetTarget target) {
}
