package dev.daybook.slack;

import java.time.LocalDate;

/** A channel post was edited into something that is no update: it was taken out of the author's update for {@code day}. */
public record PostWithdrawn(String teamId, String channelId, String messageTs, String userId, LocalDate day) {
}
