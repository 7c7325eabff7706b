package dev.daybook.updates;

import dev.daybook.projects.Category;

/**
 * One item of an update as written, tags removed.
 *
 * @param category the tagged category, or null when the item carried no tag (the project default applies)
 * @param hours    the tagged hours, or null
 */
public record ParsedItem(Section section, String text, Category category, Double hours) {
}
