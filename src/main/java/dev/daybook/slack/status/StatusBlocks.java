package dev.daybook.slack.status;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import java.util.ArrayList;
import java.util.List;

import com.slack.api.model.block.LayoutBlock;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Map;
import java.util.stream.Collectors;

import dev.daybook.people.WorkingCalendar;
import dev.daybook.goals.GoalProgress;
import dev.daybook.goals.GoalStatus;
import dev.daybook.runs.RunView;
import dev.daybook.slack.blockkit.SlackText;
import dev.daybook.slack.runs.RunText;
import dev.daybook.status.ProjectStatus;

/**
 * How a project's status looks in Slack. People are named, never mentioned, so that asking about a
 * project pings nobody. Only the asker's own copy carries buttons.
 */
public final class StatusBlocks {

    static final String SHARE = "status_share";
    public static final String RESOLVE = "blocker_resolve";

    /** Items shown per member: the main ones; the rest is counted. */
    private static final int ITEMS_PER_MEMBER = 3;
    private static final int MAX_MEMBERS = 12;
    private static final int MAX_BLOCKERS = 10;

    private StatusBlocks() {
    }

    /** The asker's copy: a share button, and a Resolved button on each of their own blockers. */
    static List<LayoutBlock> forAsker(ProjectStatus status, String askerId) {
        List<LayoutBlock> blocks = body(status, askerId);
        blocks.add(actions(a -> a.elements(List.of(button(b -> b.actionId(SHARE).text(plainText("Share in channel"))
                .value(Long.toString(status.project().id())))))));
        return blocks;
    }

    /** The copy posted in a channel: no buttons. */
    static List<LayoutBlock> shared(ProjectStatus status, String sharedByName) {
        List<LayoutBlock> blocks = body(status, null);
        blocks.add(context(c -> c.elements(List.of(markdownText("Shared by " + SlackText.escape(sharedByName))))));
        return blocks;
    }

    /** The copy answering a question in a thread or a direct message: no buttons. */
    static List<LayoutBlock> answer(ProjectStatus status) {
        return body(status, null);
    }

    static String fallbackText(ProjectStatus status) {
        return "Status of #" + SlackText.escape(status.project().name()) + " on " + SlackText.day(status.asOf());
    }

    private static List<LayoutBlock> body(ProjectStatus status, String askerId) {
        List<LayoutBlock> blocks = new ArrayList<>();
        String client = status.project().client() == null || status.project().client().isBlank() ? ""
                : " (" + status.project().client() + ")";
        blocks.add(header(h -> h.text(plainText(cut("Status of #" + status.project().name() + client, 150)))));
        blocks.add(context(c -> c.elements(List.of(markdownText("As of " + SlackText.longDay(status.asOf())
                + ", from the team's updates")))));
        if (status.isEmpty()) {
            blocks.add(section(s -> s.text(markdownText("Nobody has posted an update in this project in the last 30 days."))));
            return blocks;
        }
        addLatest(blocks, status);
        addNext(blocks, status);
        addBlockers(blocks, status, askerId);
        addGoals(blocks, status);
        addRuns(blocks, status);
        addQuiet(blocks, status);
        return blocks;
    }

    private static void addLatest(List<LayoutBlock> blocks, ProjectStatus status) {
        List<String> lines = new ArrayList<>();
        lines.add("*Latest updates*");
        status.members().stream().limit(MAX_MEMBERS).forEach(m -> {
            lines.add("*" + name(m.name()) + "* · " + SlackText.day(m.day()));
            m.done().stream().limit(ITEMS_PER_MEMBER).forEach(item -> lines.add("• " + text(item)));
            if (m.done().size() > ITEMS_PER_MEMBER) {
                lines.add("_and " + (m.done().size() - ITEMS_PER_MEMBER) + " more_");
            }
        });
        if (status.members().size() > MAX_MEMBERS) {
            lines.add("_and " + (status.members().size() - MAX_MEMBERS) + " more people_");
        }
        sections(blocks, lines);
    }

    private static void addNext(List<LayoutBlock> blocks, ProjectStatus status) {
        if (status.withNext().isEmpty()) {
            return;
        }
        List<String> lines = new ArrayList<>();
        lines.add("*Next*");
        status.withNext().stream().limit(MAX_MEMBERS).forEach(m -> {
            lines.add("*" + name(m.name()) + "*");
            m.next().stream().limit(ITEMS_PER_MEMBER).forEach(item -> lines.add("• " + text(item)));
        });
        sections(blocks, lines);
    }

    private static void addBlockers(List<LayoutBlock> blocks, ProjectStatus status, String askerId) {
        if (status.blockers().isEmpty()) {
            blocks.add(section(s -> s.text(markdownText("*Open blockers*\nNone."))));
            return;
        }
        blocks.add(section(s -> s.text(markdownText("*Open blockers*"))));
        java.util.concurrent.atomic.AtomicInteger withButtons = new java.util.concurrent.atomic.AtomicInteger();
        status.blockers().stream().limit(MAX_BLOCKERS).forEach(b -> {
            String line = "• " + text(b.text()) + "\n   _" + name(b.author()) + ", " + age(b.ageDays())
                    + " (since " + SlackText.day(b.since()) + ")"
                    + (b.waitsOnClient() ? " · waiting on the client, "
                            + WorkingCalendar.describeWorkingDays(b.clientWorkingDays()) : "") + "_";
            if (b.userId().equals(askerId)) {
                blocks.add(section(s -> s.text(markdownText(cut(line, SlackText.SECTION_LIMIT)))
                        .accessory(button(x -> x.actionId(RESOLVE).text(plainText("Resolved"))
                                .value(Long.toString(b.id()))))));
            } else {
                blocks.add(section(s -> s.text(markdownText(cut(line, SlackText.SECTION_LIMIT)))));
            }
            boolean own = b.userId().equals(askerId);
            // Buttons for the first few only: a status answer must stay within Slack's 50 blocks.
            if (askerId != null && !(own && b.waitsOnClient())
                    && withButtons.incrementAndGet() <= dev.daybook.slack.blockkit.BlockerButtons.MOST_BLOCKERS) {
                blocks.addAll(dev.daybook.slack.blockkit.BlockerButtons.forBlocker(b.id(), b.text(), b.waitsOnClient(),
                        false, !own));
            }
        });
        if (status.blockers().size() > MAX_BLOCKERS) {
            blocks.add(context(c -> c.elements(List.of(markdownText(
                    "and " + (status.blockers().size() - MAX_BLOCKERS) + " more open blockers")))));
        }
    }

    private static void addGoals(List<LayoutBlock> blocks, ProjectStatus status) {
        if (status.goals().isEmpty()) {
            return;
        }
        List<String> lines = new ArrayList<>();
        lines.add("*Client goals*");
        status.goals().stream().limit(MAX_BLOCKERS).forEach(g -> lines.add(goalLine(g)));
        sections(blocks, lines);
    }

    private static void addRuns(List<LayoutBlock> blocks, ProjectStatus status) {
        if (status.runs().isEmpty()) {
            return;
        }
        List<String> lines = new ArrayList<>();
        lines.add("*Latest runs*");
        status.runs().forEach(r -> lines.add(runLine(r)));
        sections(blocks, lines);
    }

    /** A goal, its target and where it stands: "#invoice-precision: precision >= 0.9, best verified 0.92 (+0.07 this week), met". */
    static String goalLine(GoalProgress g) {
        StringBuilder line = new StringBuilder("• " + SlackText.code("#" + g.goal().slug()) + " " + SlackText.escape(g.goal().statement()));
        if (g.goal().target() != null) {
            line.append(" — target ").append(SlackText.escape(g.goal().target().toString())).append(", ");
            if (g.current() == null) {
                line.append("no verified run yet");
            } else {
                line.append("best verified ").append(number(g.current()));
                if (g.change() != null && g.change() != 0) {
                    line.append(" (").append(g.change() > 0 ? "+" : "").append(number(g.change())).append(" in a week)");
                }
                line.append(g.met() ? ", *met*" : ", not met yet");
            }
        }
        if (g.goal().due() != null) {
            line.append(", due ").append(SlackText.day(g.goal().due()));
        }
        if (g.goal().status() != GoalStatus.ACTIVE) {
            line.append(" _(").append(g.goal().status().label()).append(")_");
        }
        return line.toString();
    }

    /** A run, a few of its metrics, and whether a teammate verified it. */
    static String runLine(RunView r) {
        String metrics = r.metrics().entrySet().stream().sorted(Map.Entry.comparingByKey()).limit(3)
                .map(e -> SlackText.escape(e.getKey()) + " " + number(e.getValue())).collect(Collectors.joining(", "));
        return "• " + RunText.name(r) + (metrics.isEmpty() ? "" : ": " + metrics) + " — _" + r.verification().label() + "_";
    }

    static String number(double value) {
        return BigDecimal.valueOf(value).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }

    private static void addQuiet(List<LayoutBlock> blocks, ProjectStatus status) {
        if (status.quiet().isEmpty()) {
            return;
        }
        List<String> lines = new ArrayList<>();
        lines.add("*No update for more than two working days*");
        status.quiet().forEach(q -> lines.add("• " + name(q.name()) + ": last on " + SlackText.day(q.lastDay())
                + " (" + q.workingDaysSince() + " working days)"));
        sections(blocks, lines);
    }

    public static String age(long days) {
        return days == 0 ? "open since today" : days == 1 ? "open 1 day" : "open " + days + " days";
    }

    private static void sections(List<LayoutBlock> blocks, List<String> lines) {
        SlackText.chunks(lines, SlackText.SECTION_LIMIT).stream().limit(8)
                .forEach(chunk -> blocks.add(section(s -> s.text(markdownText(chunk)))));
    }

    static String name(String name) {
        return SlackText.escape(name);
    }

    static String text(String written) {
        return SlackText.quiet(written);
    }

    private static String cut(String text, int limit) {
        return text.length() > limit ? text.substring(0, limit - 1) + "…" : text;
    }
}
