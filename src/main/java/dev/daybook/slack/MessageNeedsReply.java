package dev.daybook.slack;

import java.util.List;

import dev.daybook.updates.ParseProblem;

/**
 * A channel message looked like an update but could not be used as one; its author gets a thread reply.
 *
 * @param recordedEarlier the message is an update already, and this was an edit Daybook could not use
 */
record MessageNeedsReply(String teamId, String channelId, String messageTs, String userId,
                         List<ParseProblem> problems, boolean recordedEarlier) {
}
