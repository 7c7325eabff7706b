package dev.daybook.updates;

import dev.daybook.projects.Category;

/** One recorded item; {@code tagged} says whether the category was written or is the project default. */
public record UpdateItem(Section section, String text, Category category, boolean tagged, Double hours) {

    /**
     * The runs, metrics and goals the item names. They are read from the stored text, which keeps
     * them as written, so every reader sees the same references the author was told about.
     */
    public ItemReferences references() {
        return ReferenceReader.read(text);
    }
}
