package dev.daybook.updates;

import java.util.List;

import dev.daybook.projects.Project;

/**
 * What happened to a {@link RecordUpdate}.
 *
 * @param update   the update as stored; null unless {@code outcome} is RECORDED
 * @param revised  true when this replaced an earlier revision of the same day's update
 */
public record Recording(Outcome outcome, UpdateView update, Project project, boolean revised,
                        List<ParseProblem> problems) {

    public enum Outcome {
        /** Stored (created or revised). */
        RECORDED,
        /** The text was not meant as an update (a channel message without headings); nothing stored. */
        NOT_AN_UPDATE,
        /** Meant as an update but nothing usable in it; nothing stored, the problems say why. */
        REJECTED
    }

    public boolean recorded() {
        return outcome == Outcome.RECORDED;
    }
}
