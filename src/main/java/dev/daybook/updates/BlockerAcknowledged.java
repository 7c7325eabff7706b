package dev.daybook.updates;

/**
 * A teammate pressed "I'm on it" on a blocker, the first time they did: its author is to be told who
 * saw it. Published in the transaction that records it; listeners run after the commit.
 */
public record BlockerAcknowledged(String teamId, long projectId, long blockerId, String authorId, String byUserId,
                                  String text) {
}
