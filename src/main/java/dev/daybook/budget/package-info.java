/**
 * The 70/20/10 time budget: how a person's and the team's time splits between core, adjacent and
 * moonshot work, against the team's target; the Monday planning note and the mid-week nudge.
 */
package dev.daybook.budget;
