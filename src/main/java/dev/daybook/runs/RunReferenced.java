package dev.daybook.runs;

/** A run was named or registered where its tracker (the project's MLflow server, or W&amp;B with an API key) can be asked for it. */
public record RunReferenced(String teamId, long projectId, long runId) {
}
