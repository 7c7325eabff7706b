package dev.daybook.slack.blockkit;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import java.util.ArrayList;
import java.util.List;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.BlockElement;

/**
 * The buttons beside an open blocker, on the shared update and in a status answer: "I'm on it" (a
 * teammate saw it; its author is told who) and "Waiting on client" (it becomes a client ask). Their
 * value is the blocker's id; everything else is checked again when one is pressed.
 */
public final class BlockerButtons {

    public static final String ON_IT = "blocker_on_it";
    public static final String WAITING_ON_CLIENT = "blocker_waiting_on_client";
    /** At most this many blockers of one message get buttons: the rest are in {@code /daybook status}. */
    public static final int MOST_BLOCKERS = 5;
    private static final int LABEL_LENGTH = 80;

    private BlockerButtons() {
    }

    /**
     * The buttons for one blocker; {@code named} puts a line naming it above them, for a message with
     * several blockers.
     */
    public static List<LayoutBlock> forBlocker(long blockerId, String text, boolean waitsOnClient, boolean named) {
        return forBlocker(blockerId, text, waitsOnClient, named, true);
    }

    /** As above; without "I'm on it" when {@code onIt} is false (the asker's own blocker). */
    public static List<LayoutBlock> forBlocker(long blockerId, String text, boolean waitsOnClient, boolean named,
                                               boolean onIt) {
        List<LayoutBlock> blocks = new ArrayList<>();
        if (named) {
            String label = SlackText.quiet(text).replace("\n", " ");
            String shown = label.length() > LABEL_LENGTH ? label.substring(0, LABEL_LENGTH - 1) + "…" : label;
            blocks.add(context(c -> c.elements(List.of(markdownText("_" + shown + "_")))));
        }
        List<BlockElement> buttons = new ArrayList<>();
        String value = Long.toString(blockerId);
        if (onIt) {
            buttons.add(button(b -> b.actionId(ON_IT).text(plainText("I'm on it")).value(value)));
        }
        if (!waitsOnClient) {
            buttons.add(button(b -> b.actionId(WAITING_ON_CLIENT).text(plainText("Waiting on client")).value(value)));
        }
        blocks.add(actions(a -> a.blockId("blocker-" + value).elements(buttons)));
        return blocks;
    }
}
