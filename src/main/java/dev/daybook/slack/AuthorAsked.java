package dev.daybook.slack;

import java.time.LocalDate;

import dev.daybook.updates.UpdatePrompt;

/**
 * Daybook asked the author of a channel post a question before recording it; they see it, with its
 * buttons, as a message only they can see.
 *
 * @param dayHolds what the day's update holds already ("3 done, 1 next"), for a post that would replace it
 */
public record AuthorAsked(String teamId, String channelId, String messageTs, String userId, long promptId,
                   UpdatePrompt.Kind kind, LocalDate day, String dayHolds) {
}
