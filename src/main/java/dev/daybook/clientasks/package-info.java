/**
 * What the client owes us: blockers marked as waiting on the client (a {@code [client]} tag, or the
 * "Waiting on client" button) are kept in {@code updates}; this module nudges a project's leads, once
 * per ask, when one has waited longer than the project's limit in working days.
 */
package dev.daybook.clientasks;
