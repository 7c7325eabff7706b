package dev.daybook.updates;

import java.time.LocalDate;

/**
 * Someone who has posted in a project recently: within {@value #ACTIVE_DAYS} days.
 */
public record ActiveAuthor(String teamId, String userId, long projectId) {

    /**
     * The active-member window, the one definition: a person is one of a project's members, and the
     * project one of theirs, when they posted in it within this many days. Status, the App Home,
     * questions about "my projects", the assistant's prompts, reminders, budget notes and which projects
     * get a weekly summary all use it, so a person is not a member for one and a stranger for another.
     * It is not a setting: nothing would be gained by letting the features disagree again.
     */
    public static final int ACTIVE_DAYS = 30;

    /** The first day of the window that ends on {@code today}. */
    public static LocalDate activeSince(LocalDate today) {
        return today.minusDays(ACTIVE_DAYS);
    }
}
