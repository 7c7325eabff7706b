/**
 * Client goals: what the team promised the client (a statement, an optional metric target, a due
 * date), and progress towards each, computed from verified runs only.
 */
package dev.daybook.goals;
