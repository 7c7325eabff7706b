package dev.daybook.updates;

import java.time.LocalDate;

/**
 * A blocker opened (first listed, or listed again after it was resolved) or was resolved by an
 * update. Published inside the recording transaction, for listeners that record something with it
 * (outgoing webhooks); nothing listens through the outbox, so it costs nothing on its own.
 */
public record BlockerChanged(String teamId, long projectId, long blockerId, String userId, String text,
                             boolean opened, LocalDate day) {
}
