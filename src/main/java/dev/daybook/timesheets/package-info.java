/**
 * Hours for invoices: timesheets per project, person, category and date range, read from the hours
 * authors wrote on their items ({@code [2h]}); days with updates but no hours are shown as such, never
 * guessed; and the 70/20/10 split of those hours per client, across the client's projects.
 */
package dev.daybook.timesheets;
