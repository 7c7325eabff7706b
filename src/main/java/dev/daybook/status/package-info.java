/**
 * Answers about a project from what the team wrote: its status (latest updates, open Next items, open
 * blockers, who has gone quiet), date-range reports per person, and plain-language questions.
 */
package dev.daybook.status;
