package dev.daybook.updates.parsing;

import dev.daybook.updates.Section;

import dev.daybook.projects.Category;

/**
 * One item of an update as written, tags removed.
 *
 * @param category   the tagged category, or null when the item carried no tag (the project default applies)
 * @param hours      the tagged hours, or null
 * @param references the runs, metrics and goals the item names (they stay in its text as well)
 * @param negative   a negative result: under a "Didn't work" heading or tagged {@code [negative]} (done items only)
 * @param clientAsk  a blocker tagged {@code [client]}: it waits on the client (blockers only)
 */
public record ParsedItem(Section section, String text, Category category, Double hours, ItemReferences references,
                         boolean negative, boolean clientAsk) {

    public ParsedItem {
        references = references == null ? ItemReferences.NONE : references;
    }

    public ParsedItem(Section section, String text, Category category, Double hours) {
        this(section, text, category, hours, ItemReferences.NONE, false, false);
    }

    public ParsedItem(Section section, String text, Category category, Double hours, ItemReferences references) {
        this(section, text, category, hours, references, false, false);
    }
}
