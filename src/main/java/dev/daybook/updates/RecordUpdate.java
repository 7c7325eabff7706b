package dev.daybook.updates;

import java.time.Instant;

/**
 * A request to record an update.
 *
 * @param channelName used to name the project if this is the channel's first update
 * @param postedAt    when the author posted it (a message's own timestamp, so Slack's retries file it alike)
 * @param messageTs   the Slack message it came from, for channel posts; edits and deletions follow it
 */
public record RecordUpdate(String teamId, String channelId, String channelName, String userId, String text,
                           UpdateSource source, Instant postedAt, String messageTs) {
}
