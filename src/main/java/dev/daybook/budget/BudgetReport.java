package dev.daybook.budget;

import java.time.LocalDate;

/**
 * A person's and their team's split for one week and the week before, against the team's target.
 *
 * @param week the Monday of the week (weeks run Monday to Sunday, in the person's own days)
 */
public record BudgetReport(String teamId, String userId, BudgetTarget target, LocalDate week,
                           Split mine, Split mineLastWeek, Split team, Split teamLastWeek) {
}
