package dev.daybook.projects;

/** Where the bot shares updates recorded with /update or the modal. */
public enum ShareMode {
    /** Each update is its own message in the project channel. */
    CHANNEL,
    /** One message per day in the channel, the day's updates as replies in its thread. */
    DAILY_THREAD
}
