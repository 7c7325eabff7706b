package dev.daybook.runs;

/** A run was named or registered in a project with a tracking server; its metrics can be fetched from there. */
public record RunReferenced(String teamId, long projectId, long runId) {
}
