package dev.daybook.projects;

/** Someone no longer leads a project: what only a lead may hold (API tokens they created) goes. */
public record ProjectLeadRemoved(String teamId, long projectId, String userId) {
}
