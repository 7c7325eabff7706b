package dev.daybook.goals;

/** A goal as written in the form, before it is checked: every field is text as the user typed it. */
public record GoalDraft(String slug, String statement, String client, String target, String due, String status,
                        String referenceDataset, String referenceSplit) {

    public GoalDraft(String slug, String statement, String client, String target, String due, String status) {
        this(slug, statement, client, target, due, status, null, null);
    }
}
