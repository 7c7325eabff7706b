package dev.daybook.status;

/**
 * What a plain-language question asks, and the words it used for the project or person (matched
 * later, forgivingly). An {@link Intent#UNCLEAR} question gets the list of what Daybook can answer.
 */
public record Question(Intent intent, String project, String person, Period period) {

    public enum Intent {
        STATUS, BLOCKERS, PERSON_WORK, BEST_RUN, WHO_WORKS_ON, GOALS,
        /** "what have we ruled out on acme?": the negative results. */
        RULED_OUT,
        /** "what do we need from the client on acme?": the blockers that wait on the client. */
        CLIENT_ASKS,
        HELP, UNCLEAR
    }

    /** The days "what did Bob do" covers. */
    public enum Period {
        TODAY, YESTERDAY, THIS_WEEK, LAST_WEEK
    }

    static Question about(Intent intent, String project) {
        return new Question(intent, project, null, null);
    }

    static Question unclear() {
        return new Question(Intent.UNCLEAR, null, null, null);
    }
}
