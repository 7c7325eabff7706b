package dev.daybook.status;

/**
 * What a plain-language question asks, and the words it used for the project or person (matched
 * later, forgivingly). An {@link Intent#UNCLEAR} question gets the list of what Daybook can answer.
 * The {@code MY_…} intents are about the asker's own projects (those they posted in lately), or the
 * one project named; a {@link Intent#BEST_RUN} or {@link Intent#MY_BEST_RUN} with a period counts only
 * that week's runs.
 */
public record Question(Intent intent, String project, String person, Period period) {

    public enum Intent {
        STATUS, BLOCKERS, PERSON_WORK, BEST_RUN, WHO_WORKS_ON, GOALS,
        /** "what have we ruled out on acme?": the negative results. */
        RULED_OUT,
        /** "what do we need from the client on acme?": the blockers that wait on the client. */
        CLIENT_ASKS,
        HELP, UNCLEAR,
        /** Open blockers across the asker's projects. */
        MY_BLOCKERS,
        /** The asker's latest Next items, per project (or in the project named). */
        MY_NEXT,
        /** The best verified run in each of the asker's projects. */
        MY_BEST_RUN
    }

    /** The days "what did Bob do" covers. */
    public enum Period {
        TODAY, YESTERDAY, THIS_WEEK, LAST_WEEK
    }

    static Question about(Intent intent, String project) {
        return new Question(intent, project, null, null);
    }

    static Question mine(Intent intent, String project, Period period) {
        return new Question(intent, project, null, period);
    }

    static Question unclear() {
        return new Question(Intent.UNCLEAR, null, null, null);
    }
}
