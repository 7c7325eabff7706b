package dev.daybook.updates.blockers;

import dev.daybook.updates.Blockers;
import dev.daybook.updates.Section;
import dev.daybook.updates.UpdateItem;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.daybook.projects.Category;

class BlockerFactsTests {

    private static UpdateItem item(Section section, String text) {
        return new UpdateItem(section, text, Category.CORE, false, null);
    }

    @Test
    void aRevisionThatChangesOnlyDoneAndNextItemsHasTheSameFacts() {
        BlockerFacts before = BlockerFacts.of(List.of(item(Section.UPDATE, "built the cleaner"),
                item(Section.BLOCKER, "need the label guide")), true);
        BlockerFacts after = BlockerFacts.of(List.of(item(Section.UPDATE, "built the cleaner and tested it"),
                item(Section.NEXT, "rerun"), item(Section.BLOCKER, "need the label guide")), true);
        assertThat(after).isEqualTo(before);
    }

    @Test
    void everythingTheBlockerRuleReadsChangesTheFacts() {
        BlockerFacts base = BlockerFacts.of(List.of(item(Section.UPDATE, "built the cleaner")), false);
        assertThat(BlockerFacts.of(List.of(item(Section.UPDATE, "built the cleaner")), true))
                .as("a Blockers part, even an empty one").isNotEqualTo(base);
        assertThat(BlockerFacts.of(List.of(item(Section.UPDATE, "built the cleaner"),
                item(Section.BLOCKER, "need GPUs")), false)).as("a blocker listed").isNotEqualTo(base);
        assertThat(BlockerFacts.of(List.of(item(Section.UPDATE, "resolved: label guide")), false))
                .as("a resolution in the Update part").isNotEqualTo(base);
        assertThat(BlockerFacts.of(List.of(item(Section.BLOCKER, "Need GPUs")), false))
                .as("a blocker reworded").isNotEqualTo(BlockerFacts.of(List.of(item(Section.BLOCKER, "need GPUs")), false));
    }

    @Test
    void sayingThereAreNoBlockersListsNone() {
        assertThat(BlockerFacts.of(List.of(item(Section.BLOCKER, "none")), true).listed()).isEmpty();
    }
}
