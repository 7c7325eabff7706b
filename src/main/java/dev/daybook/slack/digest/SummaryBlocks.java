package dev.daybook.slack.digest;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.divider;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;

import java.util.ArrayList;
import java.util.List;

import com.slack.api.model.block.LayoutBlock;

import dev.daybook.digest.summary.Line;
import dev.daybook.digest.summary.OpenBlocker;
import dev.daybook.digest.summary.Plan;
import dev.daybook.digest.summary.RunLine;
import dev.daybook.digest.summary.SummaryText;
import dev.daybook.digest.summary.WeeklySummary;
import dev.daybook.slack.blockkit.SlackText;

/**
 * The weekly summary in Block Kit. Each part is one section block, so the message stays far below
 * Slack's 50 blocks; a part longer than a block's 3,000 characters shows what fits and says how many
 * more lines the web page has. Long items are cut at {@value #LONGEST_ITEM} characters.
 */
final class SummaryBlocks {

    /** Slack's limit for a header block's text. */
    static final int HEADER_LIMIT = 150;
    static final int LONGEST_ITEM = 400;
    static final int MAX_BLOCKS = 50;

    private SummaryBlocks() {
    }

    /**
     * @param pageUrl  the web page's link, or null (a preview, which must not create links)
     * @param lateNote a line saying why the summary comes late, or null
     */
    static List<LayoutBlock> blocks(WeeklySummary s, String pageUrl, String lateNote) {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText(cut(SummaryText.title(s), HEADER_LIMIT), true))));
        StringBuilder meta = new StringBuilder("Week " + s.week());
        if (s.client() != null && !s.client().isBlank()) {
            meta.append(" · for ").append(SlackText.escape(s.client()));
        }
        meta.append(" · ").append(s.updates()).append(s.updates() == 1 ? " update" : " updates");
        blocks.add(context(c -> c.elements(List.of(markdownText(meta.toString())))));
        if (lateNote != null) {
            blocks.add(context(c -> c.elements(List.of(markdownText(":hourglass: " + lateNote)))));
        }
        add(blocks, SummaryText.CLIENT_ASKS, s.clientAsks().stream().map(SummaryBlocks::ask).toList(), null, pageUrl);
        if (s.isEmpty()) {
            blocks.add(section(b -> b.text(markdownText("No updates were posted this week."))));
        } else {
            add(blocks, "Highlights", s.highlights().stream().map(SummaryBlocks::item).toList(),
                    s.itemsDone() > s.highlights().size()
                            ? "_" + s.highlights().size() + " of " + s.itemsDone() + " items done this week_" : null, pageUrl);
            add(blocks, SummaryText.RULED_OUT, s.ruledOut().stream().map(SummaryBlocks::ruledOut).toList(), null,
                    pageUrl);
            add(blocks, "Client goals", s.goals().stream().map(g -> "• " + SlackText.escape(SummaryText.goalLine(g))).toList(),
                    null, pageUrl);
            add(blocks, "Experiment runs", s.runs().stream().map(SummaryBlocks::run).toList(), null, pageUrl);
            add(blocks, "Blockers and asks", s.blockersOpen().stream().map(SummaryBlocks::open).toList(),
                    s.blockersResolved() > 0 ? "_" + SummaryText.resolved(s.blockersResolved()) + "_" : null, pageUrl);
            add(blocks, "Next week", s.nextWeek().stream().map(SummaryBlocks::plan).toList(), null, pageUrl);
            String split = s.split().split().isEmpty() ? "nothing recorded"
                    : "```" + SummaryText.splitChart(s.split()) + "```";
            blocks.add(section(b -> b.text(markdownText("*Time: 70/20/10*\n" + split))));
            add(blocks, "Who posted", List.of(String.join(" · ", s.posters().stream()
                    .map(p -> SlackText.escape(p.person()) + " " + SummaryText.days(p.days())).toList())), null, pageUrl);
        }
        if (pageUrl != null) {
            blocks.add(divider());
            blocks.add(context(c -> c.elements(List.of(markdownText(
                    "<" + pageUrl + "|Open the summary with charts> (a link for people outside Slack too)")))));
        }
        return blocks.size() > MAX_BLOCKS ? blocks.subList(0, MAX_BLOCKS) : blocks;
    }

    static String fallbackText(WeeklySummary s) {
        return SummaryText.title(s);
    }

    private static void add(List<LayoutBlock> blocks, String heading, List<String> lines, String note, String pageUrl) {
        if (lines.isEmpty() && note == null) {
            return;
        }
        String text = fit("*" + heading + "*", lines, note, pageUrl != null);
        blocks.add(section(b -> b.text(markdownText(text))));
    }

    /** The heading and as many lines as fit one section block, then how many were left out. */
    static String fit(String heading, List<String> lines, String note, boolean linked) {
        int reserve = 80 + (note == null ? 0 : note.length() + 1);
        StringBuilder text = new StringBuilder(heading);
        int shown = 0;
        for (String line : lines) {
            String fitted = cut(line, LONGEST_ITEM);
            if (text.length() + 1 + fitted.length() > SlackText.SECTION_LIMIT - reserve) {
                break;
            }
            text.append('\n').append(fitted);
            shown++;
        }
        if (shown < lines.size()) {
            int more = lines.size() - shown;
            text.append("\n_…and ").append(more).append(more == 1 ? " more" : " more")
                    .append(linked ? " on the web page_" : " in the full summary_");
        }
        if (note != null) {
            text.append('\n').append(note);
        }
        return text.toString();
    }

    private static String item(Line line) {
        return "• " + SlackText.quiet(line.text()).replace("\n", " ") + " — " + SlackText.escape(line.person()) + ", "
                + SummaryText.weekday(line.day());
    }

    private static String ask(OpenBlocker ask) {
        return "• " + SlackText.quiet(ask.text()).replace("\n", " ") + " — " + SummaryText.clientAge(ask);
    }

    /** A negative result, without its author's name: the team's finding, never someone's failure. */
    private static String ruledOut(Line line) {
        return "• " + SlackText.quiet(line.text()).replace("\n", " ") + " — " + SummaryText.weekday(line.day());
    }

    private static String open(OpenBlocker blocker) {
        return "• " + SlackText.quiet(blocker.text()).replace("\n", " ") + " — " + SlackText.escape(blocker.person())
                + ", open " + SummaryText.days(blocker.ageDays());
    }

    private static String run(RunLine run) {
        String mark = switch (run.check()) {
            case VERIFIED -> ":white_check_mark: ";
            case UNVERIFIED -> ":warning: ";
            case DISPUTED -> ":x: ";
            case NOT_NEEDED -> "";
        };
        return "• " + mark + SlackText.escape(SummaryText.runLine(run));
    }

    private static String plan(Plan plan) {
        return "• *" + SlackText.escape(plan.person()) + "*: "
                + String.join("; ", plan.items().stream().map(t -> SlackText.quiet(t).replace("\n", " ")).toList());
    }

    private static String cut(String text, int limit) {
        return text.length() <= limit ? text : text.substring(0, limit - 1) + "…";
    }
}
