package dev.daybook.updates;

/** Someone who has posted in a project recently. */
public record ActiveAuthor(String teamId, String userId, long projectId) {
}
