package dev.daybook.digest.building;

import dev.daybook.digest.summary.Line;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Which of the week's Update items are its highlights. Each item scores:
 * <ul>
 * <li>+3 when it references an experiment run ({@code run:}, {@code mlflow:}, an MLflow or W&amp;B run URL);</li>
 * <li>+2 when it references a client goal ({@code #goal-slug});</li>
 * <li>+2 when it holds a number (a metric, a count, a percentage);</li>
 * <li>+1 when it is longer than {@value #LONG} characters (it tends to say why, not just what).</li>
 * </ul>
 * Every person's best item comes first (people ordered by that item's score), so that one prolific
 * author does not fill the list; then the remaining items by score. Ties go to the later day, then to
 * the order written. Highlights are not the whole week: at most two thirds of the items (rounded up),
 * but at least each person's best, and never more than {@value #MAX}.
 */
public final class HighlightRule {

    public static final int MAX = 6;
    static final int LONG = 60;

    private static final Pattern RUN = Pattern.compile(
            "(?i)\\b(run|mlflow):[A-Za-z0-9._-]+|/#/experiments/[^\\s/]+/runs/|wandb\\.ai/[^\\s/]+/[^\\s/]+/runs/");
    private static final Pattern GOAL = Pattern.compile("(?<![\\w&])#[a-z0-9][a-z0-9-]*");
    private static final Pattern NUMBER = Pattern.compile("\\d");

    private HighlightRule() {
    }

    public static int score(String text) {
        int score = 0;
        if (RUN.matcher(text).find()) {
            score += 3;
        }
        if (GOAL.matcher(text).find()) {
            score += 2;
        }
        if (NUMBER.matcher(text).find()) {
            score += 2;
        }
        if (text.length() > LONG) {
            score += 1;
        }
        return score;
    }

    /** The highlights among {@code done} (in the order written), best first. */
    public static List<Line> pick(List<Line> done) {
        List<Scored> scored = new ArrayList<>();
        for (int i = 0; i < done.size(); i++) {
            scored.add(new Scored(done.get(i), score(done.get(i).text()), i));
        }
        Comparator<Scored> best = Comparator.comparingInt(Scored::score).reversed()
                .thenComparing(s -> s.line().day(), Comparator.reverseOrder())
                .thenComparingInt(Scored::position);
        Map<String, Scored> firstOfEach = new LinkedHashMap<>();
        scored.stream().sorted(best).forEach(s -> firstOfEach.putIfAbsent(s.line().userId(), s));
        List<Scored> picked = new ArrayList<>(firstOfEach.values().stream().sorted(best).toList());
        scored.stream().sorted(best).filter(s -> !picked.contains(s)).forEach(picked::add);
        int limit = Math.min(MAX, Math.max(firstOfEach.size(), (2 * done.size() + 2) / 3));
        return picked.stream().limit(limit).map(Scored::line).toList();
    }

    private record Scored(Line line, int score, int position) {
    }
}
