package dev.daybook.slack;

import java.util.List;

import dev.daybook.updates.parsing.ParseProblem;

/**
 * A channel message looked like an update but could not be used as one; its author gets a thread reply.
 *
 * @param threadTs        the thread the message was a reply in; null for a top-level message
 * @param recordedEarlier the message is an update already, and this was an edit Daybook could not use
 */
public record MessageNeedsReply(String teamId, String channelId, String messageTs, String threadTs, String userId,
                         List<ParseProblem> problems, boolean recordedEarlier) {
}
