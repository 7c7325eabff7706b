package dev.daybook.digest.web;

import dev.daybook.digest.summary.Line;
import dev.daybook.digest.summary.Plan;
import dev.daybook.digest.summary.ReadableText;
import dev.daybook.digest.summary.SummaryText;
import dev.daybook.digest.summary.WeeklySummary;

import java.util.List;

/** The summary as Markdown, for email: every section in full (Markdown has no size limit to respect). */
public final class MarkdownSummary {

    private MarkdownSummary() {
    }

    public static String render(WeeklySummary summary, String pageUrl) {
        StringBuilder md = new StringBuilder();
        md.append("# ").append(escape(SummaryText.title(summary))).append("\n\n");
        md.append("Week ").append(summary.week());
        if (summary.client() != null && !summary.client().isBlank()) {
            md.append(" · for ").append(escape(summary.client()));
        }
        md.append("\n\n");
        if (!summary.clientAsks().isEmpty()) {
            md.append("## ").append(SummaryText.CLIENT_ASKS).append("\n\n");
            summary.clientAsks().forEach(b -> md.append("- ").append(escape(ReadableText.of(b.text())))
                    .append(" — ").append(SummaryText.clientAge(b)).append('\n'));
            md.append('\n');
        }
        if (summary.isEmpty()) {
            md.append("No updates were posted this week.\n");
            appendLink(md, pageUrl);
            return md.toString();
        }
        if (!summary.highlights().isEmpty()) {
            md.append("## Highlights\n\n");
            summary.highlights().forEach(l -> md.append("- ").append(item(l)).append('\n'));
            if (summary.itemsDone() > summary.highlights().size()) {
                md.append("\n_").append(summary.highlights().size()).append(" of ").append(summary.itemsDone())
                        .append(" items done this week._\n");
            }
            md.append('\n');
        }
        if (!summary.ruledOut().isEmpty()) {
            md.append("## ").append(SummaryText.RULED_OUT).append("\n\n");
            // The team's findings: no names, so that nobody reads them as someone's failures.
            summary.ruledOut().forEach(l -> md.append("- ").append(escape(ReadableText.of(l.text()))).append(" — ")
                    .append(SummaryText.weekday(l.day())).append('\n'));
            md.append('\n');
        }
        if (!summary.goals().isEmpty()) {
            md.append("## Client goals\n\n");
            summary.goals().forEach(g -> md.append("- ").append(escape(SummaryText.goalLine(g))).append('\n'));
            md.append('\n');
        }
        if (!summary.runs().isEmpty()) {
            md.append("## Experiment runs\n\n");
            summary.runs().forEach(r -> md.append("- ").append(escape(SummaryText.runLine(r))).append('\n'));
            md.append('\n');
        }
        if (!summary.blockersOpen().isEmpty() || summary.blockersResolved() > 0) {
            md.append("## Blockers and asks\n\n");
            summary.blockersOpen().forEach(b -> md.append("- ").append(escape(ReadableText.of(b.text())))
                    .append(" — ").append(escape(b.person())).append(", open ").append(SummaryText.days(b.ageDays()))
                    .append('\n'));
            if (summary.blockersResolved() > 0) {
                md.append(summary.blockersOpen().isEmpty() ? "" : "\n").append('_')
                        .append(SummaryText.resolved(summary.blockersResolved())).append("_\n");
            }
            md.append('\n');
        }
        if (!summary.nextWeek().isEmpty()) {
            md.append("## Next week\n\n");
            for (Plan plan : summary.nextWeek()) {
                md.append("- **").append(escape(plan.person())).append("**: ")
                        .append(String.join("; ", plan.items().stream().map(t -> escape(ReadableText.of(t))).toList()))
                        .append('\n');
            }
            md.append('\n');
        }
        md.append("## Time: 70/20/10\n\n");
        md.append(SummaryText.split(summary.split())).append("\n\n");
        if (!summary.split().split().isEmpty()) {
            md.append("```\n").append(SummaryText.splitChart(summary.split())).append("\n```\n\n");
        }
        md.append("## Who posted\n\n");
        List<String> posters = summary.posters().stream()
                .map(p -> escape(p.person()) + " (" + SummaryText.days(p.days()) + ")").toList();
        md.append(String.join(", ", posters)).append('\n');
        appendLink(md, pageUrl);
        return md.toString();
    }

    private static void appendLink(StringBuilder md, String pageUrl) {
        if (pageUrl != null) {
            md.append("\n[Open the summary with its charts](").append(pageUrl).append(")\n");
        }
    }

    private static String item(Line line) {
        return escape(ReadableText.of(line.text())) + " — " + escape(line.person()) + ", " + SummaryText.weekday(line.day());
    }

    /** Keeps what people wrote from turning into Markdown they did not mean (a stray `*` or `#`). */
    static String escape(String text) {
        return text.replace("\\", "\\\\").replaceAll("([*_`\\[\\]<>#|])", "\\\\$1").replace("\n", " ");
    }
}
