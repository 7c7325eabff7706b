package dev.daybook.updates.parsing;

import dev.daybook.updates.Section;

import dev.daybook.projects.Category;

/**
 * One item of an update as written, tags removed.
 *
 * @param category   the tagged category, or null when the item carried no tag (the project default applies)
 * @param hours      the tagged hours, or null
 * @param references the runs, metrics and goals the item names (they stay in its text as well)
 */
public record ParsedItem(Section section, String text, Category category, Double hours, ItemReferences references) {

    public ParsedItem {
        references = references == null ? ItemReferences.NONE : references;
    }

    public ParsedItem(Section section, String text, Category category, Double hours) {
        this(section, text, category, hours, ItemReferences.NONE);
    }
}
