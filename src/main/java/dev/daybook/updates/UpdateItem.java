package dev.daybook.updates;

import dev.daybook.updates.blockers.BlockerText;
import dev.daybook.updates.parsing.ItemReferences;
import dev.daybook.updates.parsing.ReferenceReader;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import dev.daybook.projects.Category;

/**
 * One recorded item; {@code tagged} says whether the category was written or is the project default.
 * {@code negative}: a done item that is a negative result (something ruled out); {@code clientAsk}: a
 * blocker tagged as waiting on the client.
 */
public record UpdateItem(Section section, String text, Category category, boolean tagged, Double hours,
                         boolean negative, boolean clientAsk) {

    public UpdateItem(Section section, String text, Category category, boolean tagged, Double hours) {
        this(section, text, category, tagged, hours, false, false);
    }

    /** A Blockers item that says nothing blocks ("none", "无", "all clear"): it reports no blocker. */
    public boolean saysNothingBlocks() {
        return section == Section.BLOCKER && BlockerText.saysNothing(text);
    }

    /**
     * What was read from recent item texts. Reading is a pure function of the text, and the same
     * items are read again each time a week is shown, summarised or exported: an item naming a run
     * costs a pass of the metric pattern, most of the read API's CPU before this cache.
     */
    private static final Cache<String, ItemReferences> READ = Caffeine.newBuilder().maximumSize(20_000).build();

    /**
     * The runs, metrics and goals the item names. They are read from the stored text, which keeps
     * them as written, so every reader sees the same references the author was told about.
     */
    public ItemReferences references() {
        return text == null ? ItemReferences.NONE : READ.get(text, ReferenceReader::read);
    }
}
