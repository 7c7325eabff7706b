package dev.daybook.updates;

import java.time.Instant;

/**
 * A request to record an update.
 *
 * @param channelName used to name the project if this is the channel's first update
 * @param postedAt    when the author posted it (a message's own timestamp, so Slack's retries file it alike)
 * @param messageTs   the Slack message it came from, for channel posts; edits and deletions follow it
 * @param threadTs    the thread a channel post was written in, when it is a reply; answers go there
 * @param intent      what the author already said about it
 */
public record RecordUpdate(String teamId, String channelId, String channelName, String userId, String text,
                           UpdateSource source, Instant postedAt, String messageTs, String threadTs, Intent intent) {

    /** What the author said about the post, when Daybook asked. */
    public enum Intent {
        /** Nothing yet: ask when unsure it is an update, or when it would drop what the day holds. */
        AS_WRITTEN,
        /** It is an update; still ask before it drops what the day holds. */
        CONFIRMED,
        /** Add it to the day's update. */
        ADD,
        /** Replace the day's update with it. */
        REPLACE
    }

    public RecordUpdate {
        intent = intent == null ? Intent.AS_WRITTEN : intent;
    }

    public RecordUpdate(String teamId, String channelId, String channelName, String userId, String text,
                        UpdateSource source, Instant postedAt, String messageTs) {
        this(teamId, channelId, channelName, userId, text, source, postedAt, messageTs, null, Intent.AS_WRITTEN);
    }

    RecordUpdate as(Intent intent) {
        return new RecordUpdate(teamId, channelId, channelName, userId, text, source, postedAt, messageTs, threadTs,
                intent);
    }
}
