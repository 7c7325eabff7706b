package dev.daybook.updates.blockers;

import dev.daybook.updates.Blockers;
import dev.daybook.updates.Section;
import dev.daybook.updates.UpdateItem;

import java.util.ArrayList;
import java.util.List;

/**
 * What of an update the blocker rule reads: the blockers it lists (in their words), whether it had a
 * Blockers part at all, and what its other items say was resolved. Two versions of an update with the
 * same facts leave every blocker as it was, so a revision that changes none of them needs no
 * bookkeeping.
 */
public record BlockerFacts(List<String> listed, boolean stated, List<String> resolutions, List<String> clientAsks) {

    public BlockerFacts(List<String> listed, boolean stated, List<String> resolutions) {
        this(listed, stated, resolutions, List.of());
    }

    public static BlockerFacts of(List<UpdateItem> items, boolean stated) {
        List<String> clientAsks = new ArrayList<>();
        List<String> listed = new ArrayList<>();
        List<String> resolutions = new ArrayList<>();
        for (UpdateItem item : items) {
            if (item.section() == Section.BLOCKER) {
                if (!BlockerText.saysNothing(item.text())) {
                    listed.add(item.text());
                    if (item.clientAsk()) {
                        clientAsks.add(item.text());
                    }
                }
            } else {
                BlockerText.resolutionTarget(item.text()).ifPresent(resolutions::add);
            }
        }
        return new BlockerFacts(List.copyOf(listed), stated, List.copyOf(resolutions), List.copyOf(clientAsks));
    }
}
