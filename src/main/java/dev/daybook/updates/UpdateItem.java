package dev.daybook.updates;

import dev.daybook.projects.Category;

/** One recorded item; {@code tagged} says whether the category was written or is the project default. */
public record UpdateItem(Section section, String text, Category category, boolean tagged, Double hours) {
}
