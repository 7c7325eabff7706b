package dev.daybook.updates;

import dev.daybook.updates.parsing.ParseProblem;

import java.util.List;

import dev.daybook.projects.Project;

/**
 * What happened to a {@link RecordUpdate}.
 *
 * @param update  the update as stored; null unless {@code outcome} is RECORDED
 * @param revised true when this replaced an earlier revision of the same day's update
 * @param added   true when the post was added to the day's update rather than replacing it
 * @param prompt  the question put to the author, for NEEDS_CONFIRMATION and WOULD_REPLACE
 */
public record Recording(Outcome outcome, UpdateView update, Project project, boolean revised, boolean added,
                        List<ParseProblem> problems, UpdatePrompt prompt) {

    public enum Outcome {
        /** Stored (created or revised). */
        RECORDED,
        /** The text was not meant as an update (a channel message that is chat); nothing stored. */
        NOT_AN_UPDATE,
        /** Meant as an update but with nothing done in it; nothing stored, the problems say why. */
        REJECTED,
        /** A channel post that may be an update: its author is asked before anything is stored. */
        NEEDS_CONFIRMATION,
        /** It would drop what the day's update already holds: its author chooses add, replace or cancel. */
        WOULD_REPLACE,
        /** The author answered a question with "not an update" or "cancel"; nothing stored. */
        DISMISSED,
        /** An answer to a question that was answered already, changed since, or is someone else's. */
        STALE
    }

    public Recording {
        problems = List.copyOf(problems);
    }

    static Recording recorded(UpdateView update, Project project, boolean revised, boolean added,
                              List<ParseProblem> problems) {
        return new Recording(Outcome.RECORDED, update, project, revised, added, problems, null);
    }

    static Recording nothing(Outcome outcome, Project project, List<ParseProblem> problems) {
        return new Recording(outcome, null, project, false, false, problems, null);
    }

    static Recording asked(Outcome outcome, Project project, List<ParseProblem> problems, UpdatePrompt prompt) {
        return new Recording(outcome, null, project, false, false, problems, prompt);
    }

    public boolean recorded() {
        return outcome == Outcome.RECORDED;
    }

    /** Whether the author was asked a question instead of the post being recorded. */
    public boolean asked() {
        return prompt != null;
    }
}
