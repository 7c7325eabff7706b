package dev.daybook.digest.web;

import dev.daybook.digest.summary.Line;
import dev.daybook.digest.summary.ReadableText;
import dev.daybook.digest.summary.RunLine;
import dev.daybook.digest.summary.SummaryText;
import dev.daybook.digest.summary.WeeklySummary;

import java.util.ArrayList;
import java.util.List;

/** The summary as the web page shows it: readable text (no Slack markup) and the charts' SVG. */
record SummaryPage(String title, String week, String client, boolean empty, List<Entry> highlights, String highlightsNote,
                   List<Chart> goals, List<Entry> runs, List<Entry> blockers, List<Entry> plans, String split,
                   String splitChart, List<Entry> posters, List<Entry> clientAsks, List<Entry> ruledOut) {

    /** A line of a section: what, and who or where it comes from. */
    record Entry(String text, String source, boolean flagged) {
    }

    record Chart(String text, String svg) {
    }

    static SummaryPage of(WeeklySummary s) {
        List<Entry> highlights = s.highlights().stream().map(SummaryPage::entry).toList();
        String note = s.itemsDone() > s.highlights().size()
                ? s.highlights().size() + " of " + s.itemsDone() + " items done this week" : null;
        List<Chart> goals = s.goals().stream().map(g -> new Chart(SummaryText.goalLine(g), SummaryCharts.goal(g))).toList();
        List<Entry> runs = s.runs().stream().map(r -> new Entry(
                r.runId() + (r.metrics() == null || r.metrics().isBlank() ? "" : " — " + r.metrics()),
                r.person() + ", " + SummaryText.weekday(r.day()) + " · " + r.check().label(),
                r.check() == RunLine.Check.UNVERIFIED || r.check() == RunLine.Check.DISPUTED)).toList();
        List<Entry> blockers = new ArrayList<>();
        s.blockersOpen().forEach(b -> blockers.add(new Entry(ReadableText.of(b.text()),
                b.person() + " · open " + SummaryText.days(b.ageDays()), true)));
        if (s.blockersResolved() > 0) {
            blockers.add(new Entry(SummaryText.resolved(s.blockersResolved()), "", false));
        }
        List<Entry> plans = s.nextWeek().stream().map(p -> new Entry(
                String.join("; ", p.items().stream().map(ReadableText::of).toList()), p.person(), false)).toList();
        List<Entry> posters = s.posters().stream().map(p -> new Entry(p.person(), SummaryText.days(p.days()), false)).toList();
        List<Entry> asks = s.clientAsks().stream()
                .map(b -> new Entry(ReadableText.of(b.text()), SummaryText.clientAge(b), true)).toList();
        List<Entry> ruledOut = s.ruledOut().stream()
                .map(l -> new Entry(ReadableText.of(l.text()), SummaryText.weekday(l.day()), false)).toList();
        return new SummaryPage(SummaryText.title(s), s.week().toString(), s.client(), s.isEmpty(), highlights, note,
                goals, runs, blockers, plans, SummaryText.split(s.split()), SummaryCharts.split(s.split()), posters,
                asks, ruledOut);
    }

    private static Entry entry(Line line) {
        return new Entry(ReadableText.of(line.text()), line.person() + ", " + SummaryText.weekday(line.day()), false);
    }
}
