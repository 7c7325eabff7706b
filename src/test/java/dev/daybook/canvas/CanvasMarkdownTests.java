package dev.daybook.canvas;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import dev.daybook.budget.BudgetTarget;
import dev.daybook.budget.Split;
import dev.daybook.digest.summary.GoalLine;
import dev.daybook.digest.summary.Line;
import dev.daybook.digest.IsoWeek;
import dev.daybook.digest.summary.RunLine;
import dev.daybook.digest.summary.TimeSplit;
import dev.daybook.digest.summary.WeeklySummary;
import dev.daybook.projects.Category;
import dev.daybook.projects.Project;
import dev.daybook.projects.ShareMode;
import dev.daybook.status.ProjectStatus;

class CanvasMarkdownTests {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final Instant NOW = Instant.parse("2026-11-24T15:02:00Z");
    private static final LocalDate TUESDAY = LocalDate.parse("2026-11-24");
    private static final Project ACME = new Project(7, "T1", "C1", "acme-nlp", "Acme", Category.CORE,
            ShareMode.CHANNEL, LONDON, false);

    @Test
    void showsEachPartOfTheStatus() {
        ProjectStatus status = status(
                List.of(new ProjectStatus.MemberUpdate("U1", "Ada Lovelace", TUESDAY,
                        List.of("built the cleaning step"), List.of("rerun the baseline"), 1L)),
                List.of(new ProjectStatus.Blocker(1, "U1", "Ada Lovelace", "need the label guide", TUESDAY.minusDays(3), 3, 1L)));
        WeeklySummary week = week(
                List.of(new GoalLine("precision", "Precision on invoices", "precision", ">= 0.90", 0.87, 0.85, false,
                        LocalDate.parse("2026-12-18"), List.of())),
                List.of(new RunLine("mlflow:1a2b3c", "Ada Lovelace", TUESDAY, "val_f1=0.87", RunLine.Check.VERIFIED),
                        new RunLine("run:9", "Ada Lovelace", TUESDAY, "", RunLine.Check.UNVERIFIED)),
                new Split(7, 2, 1, 10));

        String md = CanvasMarkdown.render(status, week, "https://daybook.example.com/digests/abc_DEF-123", LONDON, NOW);

        assertThat(md).startsWith("# Project status · acme\\-nlp\n");
        assertThat(md).contains("Client: Acme · " + CanvasMarkdown.MARK + " · as of Tue 24 Nov 15:02 Europe/London");
        assertThat(md).contains("### Ada Lovelace · Tue 24 Nov\n\n**Update**\n\n- built the cleaning step\n\n**Next**\n\n- rerun the baseline\n");
        assertThat(md).contains("- need the label guide · **Ada Lovelace** · open 3 days (since Sat 21 Nov)");
        assertThat(md).contains("- **Precision on invoices**: precision best verified 0.87 (target \\>\\= 0.90), +0.02 since last week · due Fri 18 Dec");
        assertThat(md).contains("- ✅ mlflow\\:1a2b3c · val\\_f1\\=0.87 · Ada Lovelace, Tue · verified");
        assertThat(md).contains("- ⏳ run\\:9 · Ada Lovelace, Tue · not verified yet");
        assertThat(md).contains("- core: 70% (target 70%)").contains("- adjacent: 20% (target 20%)").contains("- moonshot: 10% (target 10%)");
        assertThat(md).contains("[This week's summary](https://daybook.example.com/digests/abc_DEF-123)");
    }

    @Test
    void showsWhatWaitsOnTheClientAndWhatTheTeamRuledOutWithoutNames() {
        ProjectStatus status = status(List.of(), List.of(
                new ProjectStatus.Blocker(1, "U1", "Ada Lovelace", "label guide from Acme", TUESDAY.minusDays(8), 8, 1L,
                        TUESDAY.minusDays(8), 6),
                new ProjectStatus.Blocker(2, "U2", "Alan Turing", "flaky GPU node", TUESDAY, 0, 2L)));
        WeeklySummary week = new WeeklySummary("T1", 7, "acme-nlp", "Acme", IsoWeek.of(TUESDAY), 2, 2, List.of(), List.of(),
                List.of(), List.of(), List.of(), List.of(), new TimeSplit(Split.EMPTY, BudgetTarget.DEFAULT), List.of(),
                List.of(new Line("U1", "Ada Lovelace", TUESDAY, "focal loss on the tail classes: no gain")));

        String md = CanvasMarkdown.render(status, week, null, LONDON, NOW);

        assertThat(md).contains("- label guide from Acme · **Ada Lovelace** · open 8 days (since Mon 16 Nov) · waiting on the client 6 working days\n");
        assertThat(md).contains("- flaky GPU node · **Alan Turing** · open since today (since Tue 24 Nov)\n");
        String ruledOut = md.substring(md.indexOf("## What we ruled out this week"));
        assertThat(ruledOut).startsWith("## What we ruled out this week\n\n- focal loss on the tail classes\\: no gain · Tue\n");
        assertThat(ruledOut.substring(0, ruledOut.indexOf("## Time"))).doesNotContain("Ada");
    }

    @Test
    void anEmptyProjectSaysWhatToDo() {
        Project noClient = new Project(8, "T1", "C2", "quiet", null, Category.CORE, ShareMode.CHANNEL, null, false);
        String md = CanvasMarkdown.render(new ProjectStatus(noClient, NOW, TUESDAY, List.of(), List.of(), List.of(),
                List.of(), List.of()), week(List.of(), List.of(), Split.EMPTY), null, LONDON, NOW);

        assertThat(md).contains("Nobody has posted an update yet");
        assertThat(md).contains("## Open blockers\n\nNone open.");
        assertThat(md).contains("No client goals yet");
        assertThat(md).contains("No experiment runs reported this week.");
        assertThat(md).contains("Nothing recorded yet this week (target 70/20/10)");
        assertThat(md).contains("`/daybook digest preview` shows this week's summary.");
        assertThat(md).doesNotContain("Client:").doesNotContain("ruled out");
    }

    @Test
    void whatPeopleWriteCannotFormatTheCanvasMentionAnyoneOrBreakOutOfItsLine() {
        String hostile = "# Heading\n- fake item ![](@U0BOSS) [click](https://evil.example) **bold** `code` <!channel> <@U9|bob> | table |\r\n> quote";
        ProjectStatus status = status(
                List.of(new ProjectStatus.MemberUpdate("U1", "**Mallory** ![](@U0BOSS)", TUESDAY, List.of(hostile), List.of(hostile), 1L)),
                List.of(new ProjectStatus.Blocker(1, "U1", "# Mallory", hostile, TUESDAY, 0, 1L)));
        String md = CanvasMarkdown.render(status, week(List.of(), List.of(new RunLine("run:`x` ![](@U1)", "Mallory", TUESDAY,
                "f1=1 ![](@U2)", RunLine.Check.DISPUTED)), Split.EMPTY), "javascript:alert(1)", LONDON, NOW);

        assertThat(md).doesNotContain("![](@").doesNotContain("](https://evil").doesNotContain("<!channel>").doesNotContain("<@U9")
                .doesNotContain("**Mallory**").doesNotContain("javascript:");
        // Every line that starts with markup is Daybook's own: a heading, a bullet, bold or the italic "about" line.
        for (String line : md.split("\n")) {
            assertThat(line).as(line).matches("^(|# .*|## .*|### .*|- .*|\\*\\*(Update|Next)\\*\\*|_.*_|`/daybook.*|Nobody.*|None open\\.|No .*|Nothing .*)$");
        }
        assertThat(md).contains("\\# Heading \\- fake item \\!\\[\\]\\(\\@U0BOSS\\) \\[click\\]\\(https\\:");
        assertThat(md).contains("\\@bob"); // a mention becomes the name, written out
        assertThat(md).contains("run\\:\\`x\\` \\!\\[\\]\\(\\@U1\\)");
        assertThat(md).contains("⚠️");
        assertThat(md).contains("open since today");
    }

    @Test
    void longContentIsCutWithSayingHowMuchMore() {
        List<ProjectStatus.MemberUpdate> members = new ArrayList<>();
        IntStream.range(0, 60).forEach(i -> members.add(new ProjectStatus.MemberUpdate("U" + i, "Person " + i, TUESDAY,
                IntStream.range(0, 12).mapToObj(j -> "item " + j + " " + "x".repeat(j == 0 ? 1000 : 20)).toList(), List.of("next"), i)));
        List<ProjectStatus.Blocker> blockers = IntStream.range(0, 45)
                .mapToObj(i -> new ProjectStatus.Blocker(i, "U1", "Person 1", "blocker " + i, TUESDAY, 1, (long) i)).toList();
        List<RunLine> runs = IntStream.range(0, 40)
                .mapToObj(i -> new RunLine("run:" + i, "Person 1", TUESDAY, "f1=0." + i, RunLine.Check.NOT_NEEDED)).toList();

        String md = CanvasMarkdown.render(status(members, blockers), week(List.of(), runs, Split.EMPTY), null, LONDON, NOW);

        assertThat(md.length()).isLessThanOrEqualTo(CanvasMarkdown.MOST_CHARACTERS + 200);
        assertThat(md).contains("…"); // a 1000-character item is shortened
        assertThat(md).contains("- _and 4 more_"); // 12 items, 8 shown
        assertThat(md).contains("_and 15 more blockers_").contains("_and 15 more runs_");
        assertThat(md).doesNotContain("Person 45 ·");
        assertThat(md.split("\n").length).isGreaterThan(100);
    }

    @Test
    void aDocumentTooLongForACanvasEndsWithANote() {
        List<ProjectStatus.MemberUpdate> members = new ArrayList<>();
        IntStream.range(0, 40).forEach(i -> members.add(new ProjectStatus.MemberUpdate("U" + i, "Person " + i, TUESDAY,
                IntStream.range(0, 8).mapToObj(j -> "y".repeat(400)).toList(),
                IntStream.range(0, 8).mapToObj(j -> "z".repeat(400)).toList(), i)));
        String md = CanvasMarkdown.render(status(members, List.of()), week(List.of(), List.of(), Split.EMPTY), null, LONDON, NOW);

        assertThat(md.length()).isLessThanOrEqualTo(CanvasMarkdown.MOST_CHARACTERS);
        assertThat(md).endsWith("`/daybook status` has all of it._\n");
    }

    @Test
    void textIsOneEscapedLine() {
        assertThat(CanvasMarkdown.text("a\nb\t c")).isEqualTo("a b c");
        assertThat(CanvasMarkdown.text("1. first")).isEqualTo("1. first");
        assertThat(CanvasMarkdown.text("a_b*c~d")).isEqualTo("a\\_b\\*c\\~d");
        assertThat(CanvasMarkdown.text("back\\slash")).isEqualTo("back\\\\slash");
        assertThat(CanvasMarkdown.text("&lt;b&gt;")).isEqualTo("\\<b\\>");
        assertThat(CanvasMarkdown.text(null)).isEmpty();
        assertThat(CanvasMarkdown.text("界".repeat(500)).codePointCount(0, CanvasMarkdown.text("界".repeat(500)).length()))
                .isEqualTo(CanvasMarkdown.MOST_ITEM_CHARACTERS);
    }

    private static ProjectStatus status(List<ProjectStatus.MemberUpdate> members, List<ProjectStatus.Blocker> blockers) {
        return new ProjectStatus(ACME, NOW, TUESDAY, members, blockers, List.of(), List.of(), List.of());
    }

    private static WeeklySummary week(List<GoalLine> goals, List<RunLine> runs, Split split) {
        return new WeeklySummary("T1", 7, "acme-nlp", "Acme", IsoWeek.of(TUESDAY), 1, 1, List.of(), goals, runs,
                List.of(), List.of(), List.of(), new TimeSplit(split, BudgetTarget.DEFAULT), List.of());
    }
}
