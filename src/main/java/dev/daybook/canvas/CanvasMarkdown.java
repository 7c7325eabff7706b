package dev.daybook.canvas;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import dev.daybook.digest.summary.GoalLine;
import dev.daybook.digest.summary.Line;
import dev.daybook.digest.summary.ReadableText;
import dev.daybook.digest.summary.RunLine;
import dev.daybook.digest.summary.SummaryText;
import dev.daybook.digest.summary.WeeklySummary;
import dev.daybook.people.WorkingCalendar;
import dev.daybook.projects.Category;
import dev.daybook.status.ProjectStatus;

/**
 * The "Project status" canvas as canvas Markdown: latest Update and Next per member, open blockers
 * with their age and owner (and how long those waiting on the client have waited), client goals with
 * progress from verified runs, this week's runs and their check, what the team ruled out this week,
 * the 70/20/10 split and a link to the weekly summary. Plain Java, no I/O.
 *
 * <p>Everything people wrote is escaped ({@link #text}): it can neither format the canvas nor make a
 * heading, a list, a link, an image or a mention (canvas mentions are {@code ![](@U…)}), and a line
 * break in it stays inside its bullet. Names are written out, never mentioned: an edit must not ping
 * anyone. Long content is cut at fixed counts with a line saying how many more there are, and the
 * whole document stays under {@link #MOST_CHARACTERS}, far below Slack's 1 MiB.
 */
public final class CanvasMarkdown {

    /** The canvas's title, and the words that mark a canvas as Daybook's own. */
    public static final String TITLE = "Project status";
    public static final String MARK = "Kept current by Daybook";

    static final int MOST_MEMBERS = 40;
    static final int MOST_ITEMS = 8;
    static final int MOST_BLOCKERS = 30;
    static final int MOST_GOALS = 20;
    static final int MOST_RUNS = 25;
    static final int MOST_RULED_OUT = 15;
    static final int MOST_ITEM_CHARACTERS = 400;
    static final int MOST_CHARACTERS = 100_000;

    private static final DateTimeFormatter AS_OF = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);
    /** Characters with a meaning in canvas Markdown (CommonMark's punctuation that can start or end markup). */
    private static final String SPECIAL = "\\`*_~#>[]()!|<>{}+-=&:@";

    private CanvasMarkdown() {
    }

    /**
     * @param summaryUrl a link to this week's summary page, or null (none could be made)
     * @param zone       the project's time zone, for the "as of" line
     */
    public static String render(ProjectStatus status, WeeklySummary week, String summaryUrl, ZoneId zone, Instant now) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(TITLE).append(" · ").append(text(status.project().name())).append("\n\n");
        StringBuilder about = new StringBuilder();
        if (status.project().client() != null && !status.project().client().isBlank()) {
            about.append("Client: ").append(text(status.project().client())).append(" · ");
        }
        about.append(MARK).append(" · as of ").append(AS_OF.format(now.atZone(zone))).append(' ')
                .append(text(zone.getId()));
        md.append('_').append(about).append("_\n\n");

        members(md, status.members());
        blockers(md, status.blockers());
        goals(md, week.goals());
        runs(md, week);
        ruledOut(md, week.ruledOut());
        split(md, week);
        md.append("## Weekly summary\n\n");
        if (summaryUrl != null && summaryUrl.matches("https?://[^\\s()<>\\[\\]]+")) {
            md.append("[This week's summary](").append(summaryUrl).append(") · ")
                    .append(text(SummaryText.range(week.from(), week.to()))).append('\n');
        } else {
            md.append("`/daybook digest preview` shows this week's summary.\n");
        }
        return bounded(md.toString());
    }

    private static void members(StringBuilder md, List<ProjectStatus.MemberUpdate> members) {
        md.append("## Latest updates\n\n");
        if (members.isEmpty()) {
            md.append("Nobody has posted an update yet. Post one with `/update` or a message with `Update:` and `Next:`.\n\n");
            return;
        }
        for (ProjectStatus.MemberUpdate m : members.subList(0, Math.min(members.size(), MOST_MEMBERS))) {
            md.append("### ").append(text(m.name())).append(" · ").append(SummaryText.day(m.day())).append("\n\n");
            items(md, "Update", m.done());
            items(md, "Next", m.next());
        }
        more(md, members.size() - MOST_MEMBERS, "more members");
    }

    private static void items(StringBuilder md, String heading, List<String> items) {
        md.append("**").append(heading).append("**\n\n");
        if (items.isEmpty()) {
            md.append("- _nothing written_\n\n");
            return;
        }
        for (String item : items.subList(0, Math.min(items.size(), MOST_ITEMS))) {
            md.append("- ").append(text(item)).append('\n');
        }
        if (items.size() > MOST_ITEMS) {
            md.append("- _and ").append(items.size() - MOST_ITEMS).append(" more_\n");
        }
        md.append('\n');
    }

    private static void blockers(StringBuilder md, List<ProjectStatus.Blocker> blockers) {
        md.append("## Open blockers\n\n");
        if (blockers.isEmpty()) {
            md.append("None open.\n\n");
            return;
        }
        for (ProjectStatus.Blocker b : blockers.subList(0, Math.min(blockers.size(), MOST_BLOCKERS))) {
            md.append("- ").append(text(b.text())).append(" · **").append(text(b.author())).append("** · open ")
                    .append(age(b.ageDays())).append(" (since ").append(SummaryText.day(b.since())).append(')');
            if (b.waitsOnClient()) {
                md.append(" · waiting on the client ").append(WorkingCalendar.describeWorkingDays(b.clientWorkingDays()));
            }
            md.append('\n');
        }
        more(md, blockers.size() - MOST_BLOCKERS, "more blockers");
        md.append('\n');
    }

    private static void goals(StringBuilder md, List<GoalLine> goals) {
        md.append("## Client goals\n\n");
        if (goals.isEmpty()) {
            md.append("No client goals yet: `/daybook goals` adds one.\n\n");
            return;
        }
        for (GoalLine g : goals.subList(0, Math.min(goals.size(), MOST_GOALS))) {
            md.append("- ").append(g.met() ? "✅ " : "").append("**").append(text(g.statement())).append("**");
            if (g.metric() != null) {
                md.append(": ").append(text(g.metric())).append(' ').append(g.best() == null
                        ? "not measured by a verified run yet" : "best verified " + SummaryText.number(g.best()));
                if (g.target() != null) {
                    md.append(" (target ").append(text(g.target())).append(g.met() ? ", met" : "").append(')');
                }
                if (g.best() != null) {
                    md.append(", ").append(SummaryText.change(g.change()));
                }
            }
            if (g.due() != null) {
                md.append(" · due ").append(SummaryText.day(g.due()));
            }
            md.append('\n');
        }
        more(md, goals.size() - MOST_GOALS, "more goals");
        md.append('\n');
    }

    private static void runs(StringBuilder md, WeeklySummary week) {
        md.append("## Runs this week\n\n");
        List<RunLine> runs = week.runs();
        if (runs.isEmpty()) {
            md.append("No experiment runs reported this week.\n\n");
            return;
        }
        for (RunLine r : runs.subList(0, Math.min(runs.size(), MOST_RUNS))) {
            md.append("- ").append(checkMark(r.check())).append(' ').append(text(r.runId()));
            if (r.metrics() != null && !r.metrics().isBlank()) {
                md.append(" · ").append(text(r.metrics()));
            }
            md.append(" · ").append(text(r.person())).append(", ").append(SummaryText.weekday(r.day()))
                    .append(" · ").append(r.check().label()).append('\n');
        }
        more(md, runs.size() - MOST_RUNS, "more runs");
        md.append('\n');
    }

    /** Shown only when there is something: the team's findings, without names (never a person's failures). */
    private static void ruledOut(StringBuilder md, List<Line> ruledOut) {
        if (ruledOut.isEmpty()) {
            return;
        }
        md.append("## ").append(SummaryText.RULED_OUT).append(" this week\n\n");
        for (Line l : ruledOut.subList(0, Math.min(ruledOut.size(), MOST_RULED_OUT))) {
            md.append("- ").append(text(l.text())).append(" · ").append(SummaryText.weekday(l.day())).append('\n');
        }
        more(md, ruledOut.size() - MOST_RULED_OUT, "more");
        md.append('\n');
    }

    private static void split(StringBuilder md, WeeklySummary week) {
        md.append("## Time this week (70/20/10)\n\n");
        if (week.split().split().isEmpty()) {
            md.append("Nothing recorded yet this week (target ").append(week.split().target()).append(").\n\n");
            return;
        }
        for (Category c : Category.values()) {
            md.append("- ").append(c.label()).append(": ").append(week.split().split().percent(c))
                    .append("% (target ").append(week.split().target().percent(c)).append("%)\n");
        }
        md.append('\n');
    }

    private static String checkMark(RunLine.Check check) {
        return switch (check) {
            case VERIFIED -> "✅";
            case UNVERIFIED -> "⏳";
            case DISPUTED -> "⚠️";
            case NOT_NEEDED -> "▫️";
        };
    }

    private static void more(StringBuilder md, int more, String what) {
        if (more > 0) {
            md.append("- _and ").append(more).append(' ').append(what).append("_\n");
        }
    }

    private static String age(long days) {
        return days <= 0 ? "since today" : days == 1 ? "1 day" : days + " days";
    }

    /**
     * What someone wrote, as inert canvas text: Slack's markup read ({@code <@U1|ada>} is {@code @ada}), on one line (line breaks and control characters become
     * spaces), at most {@link #MOST_ITEM_CHARACTERS} characters, every Markdown character escaped.
     */
    public static String text(String written) {
        if (written == null) {
            return "";
        }
        String line = flatten(ReadableText.of(written));
        StringBuilder out = new StringBuilder(line.length() + 16);
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (SPECIAL.indexOf(c) >= 0) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    private static String flatten(String written) {
        String line = written.replaceAll("[\\p{Cntrl}\\u2028\\u2029]+", " ").replaceAll("\\s+", " ").strip();
        if (line.codePointCount(0, line.length()) > MOST_ITEM_CHARACTERS) {
            line = line.substring(0, line.offsetByCodePoints(0, MOST_ITEM_CHARACTERS - 1)) + "…";
        }
        return line;
    }

    /** Cuts a document that is still too long at a line, saying so. */
    private static String bounded(String md) {
        if (md.length() <= MOST_CHARACTERS) {
            return md;
        }
        int cut = md.lastIndexOf('\n', MOST_CHARACTERS - 200);
        return md.substring(0, Math.max(cut, 0)) + "\n\n_The status is longer than a canvas shows; "
                + "`/daybook status` has all of it._\n";
    }
}
