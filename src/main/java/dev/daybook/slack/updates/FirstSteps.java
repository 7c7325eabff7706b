package dev.daybook.slack.updates;

/**
 * What someone who has never posted needs to know: the three ways to post an update. Said once in
 * each channel the bot joins, and on the App Home until they have posted.
 */
public final class FirstSteps {

    public static final String THREE_WAYS = "• `/update` alone opens a form, prefilled with yesterday's Next\n"
            + "• `/update Update: what you did; why  Next: what comes next` records it in one line\n"
            + "• or a message in the project channel with `Update:` and `Next:` headings "
            + "(and `Blockers:` when something stands in your way)";

    static final String WELCOME = ":wave: Hi, I'm Daybook: I keep this channel's end-of-day updates, "
            + "one per person and day. Three ways to post yours:\n" + THREE_WAYS + "\n"
            + "The first update makes this channel a project. `/daybook help` lists everything else.";

    static final String WELCOME_FALLBACK = "Hi, I'm Daybook: post your end-of-day update with /update, "
            + "or a message with Update: and Next: headings. /daybook help lists the rest.";

    private FirstSteps() {
    }
}
