package dev.daybook.slack.updates;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.slack.api.model.block.LayoutBlock;

import dev.daybook.slack.blockkit.SlackText;
import dev.daybook.updates.Section;
import dev.daybook.updates.UpdateItem;
import dev.daybook.updates.UpdateView;

/** How an update looks in Slack. */
final class UpdateBlocks {

    /** Keeps a message well inside Slack's 50-block limit, with room for a header and a footer. */
    static final int MAX_BODY_BLOCKS = 40;

    private UpdateBlocks() {
    }

    /** The update as the bot shares it in the project channel, naming (not mentioning) the author. */
    static List<LayoutBlock> shared(UpdateView update, String authorName) {
        List<LayoutBlock> blocks = new ArrayList<>();
        String revised = update.revision() > 1 ? " · revised" : "";
        blocks.add(context(c -> c.elements(List.of(markdownText(
                "*" + SlackText.escape(authorName) + "* · " + SlackText.day(update.day()) + revised)))));
        blocks.addAll(body(update));
        return blocks;
    }

    static String fallbackText(UpdateView update, String authorName) {
        return "Update from " + authorName + " for " + SlackText.day(update.day());
    }

    /** The items, a section per part, cut to fit Slack's limits with a note of what was left out. */
    static List<LayoutBlock> body(UpdateView update) {
        List<String> chunks = new ArrayList<>();
        for (Section section : Section.values()) {
            List<UpdateItem> items = update.items(section).stream().filter(i -> !i.negative()).toList();
            if (!items.isEmpty()) {
                List<String> lines = new ArrayList<>();
                lines.add("*" + heading(section) + "*");
                items.forEach(item -> lines.add("• " + line(item)));
                chunks.addAll(SlackText.chunks(lines, SlackText.SECTION_LIMIT));
            }
            List<UpdateItem> ruledOut = update.items(section).stream().filter(UpdateItem::negative).toList();
            if (!ruledOut.isEmpty()) {
                List<String> lines = new ArrayList<>();
                lines.add("*Ruled out*");
                ruledOut.forEach(item -> lines.add("• " + line(item)));
                chunks.addAll(SlackText.chunks(lines, SlackText.SECTION_LIMIT));
            }
        }
        List<LayoutBlock> blocks = new ArrayList<>();
        chunks.stream().limit(MAX_BODY_BLOCKS).forEach(chunk -> blocks.add(section(s -> s.text(markdownText(chunk)))));
        if (chunks.size() > MAX_BODY_BLOCKS) {
            blocks.add(context(c -> c.elements(List.of(markdownText(
                    "…this update is too long to show in full here; the whole text is kept in Daybook.")))));
        }
        return blocks;
    }

    static String heading(Section section) {
        return switch (section) {
            case UPDATE -> "Update";
            case NEXT -> "Next";
            case BLOCKER -> "Blockers";
        };
    }

    static String line(UpdateItem item) {
        String text = SlackText.quiet(item.text()).replace("\n", "\n   ")
                + (item.clientAsk() ? " _(waiting on the client)_" : "");
        if (!item.tagged() && item.hours() == null) {
            return text;
        }
        StringBuilder tag = new StringBuilder(" `");
        if (item.tagged()) {
            tag.append(item.category().label());
        }
        if (item.hours() != null) {
            if (item.tagged()) {
                tag.append(' ');
            }
            tag.append(hours(item.hours()));
        }
        return text + tag.append('`');
    }

    static String hours(double hours) {
        return hours == Math.rint(hours) ? String.format(Locale.ROOT, "%.0fh", hours)
                : String.format(Locale.ROOT, "%sh", hours);
    }
}
