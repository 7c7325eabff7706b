package dev.daybook.digest.summary;

import dev.daybook.digest.IsoWeek;

import java.time.LocalDate;
import java.util.List;

/**
 * A project's week as stakeholders read it; Slack blocks, the web page and Markdown are renderings of
 * this one model. Every line comes from a stored update, run or goal; sections with nothing to say
 * are empty lists.
 *
 * @param updates           how many updates were filed in the week
 * @param itemsDone         how many Update items they hold (highlights are the most significant of them)
 * @param blockersReported  blockers and asks written in the week's updates
 * @param blockersOpen      blockers still open at the end of the week (where Daybook tracks their state)
 * @param ruledOut          negative results of the week: what was tried and did not work. The team's
 *                          findings, shown without names and never counted per person
 */
public record WeeklySummary(String teamId, long projectId, String projectName, String client, IsoWeek week,
                            int updates, int itemsDone, List<Line> highlights, List<GoalLine> goals,
                            List<RunLine> runs, List<Line> blockersReported, List<OpenBlocker> blockersOpen,
                            List<Plan> nextWeek, TimeSplit split, List<Poster> posters, List<Line> ruledOut) {

    public WeeklySummary(String teamId, long projectId, String projectName, String client, IsoWeek week,
                         int updates, int itemsDone, List<Line> highlights, List<GoalLine> goals,
                         List<RunLine> runs, List<Line> blockersReported, List<OpenBlocker> blockersOpen,
                         List<Plan> nextWeek, TimeSplit split, List<Poster> posters) {
        this(teamId, projectId, projectName, client, week, updates, itemsDone, highlights, goals, runs,
                blockersReported, blockersOpen, nextWeek, split, posters, List.of());
    }

    /**
     * "What we need from you": the open blockers that wait on the client, longest waiting first. The
     * summary opens with them.
     */
    public List<OpenBlocker> clientAsks() {
        return blockersOpen.stream().filter(OpenBlocker::waitsOnClient)
                .sorted(java.util.Comparator.comparingInt(OpenBlocker::clientWorkingDays).reversed()
                        .thenComparing(OpenBlocker::clientSince))
                .toList();
    }

    public WeeklySummary {
        ruledOut = ruledOut == null ? List.of() : List.copyOf(ruledOut);
        highlights = List.copyOf(highlights);
        goals = List.copyOf(goals);
        runs = List.copyOf(runs);
        blockersReported = List.copyOf(blockersReported);
        blockersOpen = List.copyOf(blockersOpen);
        nextWeek = List.copyOf(nextWeek);
        posters = List.copyOf(posters);
    }

    public LocalDate from() {
        return week.monday();
    }

    public LocalDate to() {
        return week.sunday();
    }

    /**
     * Blockers written in the week's updates that are no longer open: resolved since. Compared by
     * their text, as the blocker rule compares them (case, spaces and closing punctuation aside).
     */
    public int blockersResolved() {
        java.util.Set<String> open = new java.util.HashSet<>();
        blockersOpen.forEach(b -> open.add(comparable(b.text())));
        java.util.Set<String> reported = new java.util.LinkedHashSet<>();
        blockersReported.forEach(l -> reported.add(comparable(l.text())));
        reported.removeAll(open);
        return reported.size();
    }

    private static String comparable(String text) {
        return text.strip().replaceAll("\\s+", " ").replaceAll("[.!;,]+$", "").toLowerCase(java.util.Locale.ROOT);
    }

    /** Nobody posted in the week: the summary says so in a line instead of empty sections. */
    public boolean isEmpty() {
        return updates == 0;
    }
}
