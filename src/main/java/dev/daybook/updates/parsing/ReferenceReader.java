package dev.daybook.updates.parsing;

import org.springframework.modulith.NamedInterface;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds run references ({@code mlflow:<id>}, {@code run:<id>}, MLflow and Weights &amp; Biases run
 * links), the metrics written beside them ({@code val F1 0.87}, {@code auc=0.91}, {@code precision: 88%})
 * and goal references ({@code #goal-slug}) in one item's text.
 *
 * <p>Plain Java with no I/O. Metrics are only read in items that name a run: elsewhere "12% of rows"
 * is prose, not evidence. A percentage is stored as a fraction ({@code 88%} is 0.88), so that it
 * compares with a target written either way. Metric names are normalised to lower case with
 * underscores ({@code val F1} is {@code val_f1}).
 */
@NamedInterface("parsing")
public final class ReferenceReader {

    /** Longer run ids are refused: no tracker issues them, and they would only be noise. */
    public static final int MAX_RUN_ID = 200;
    /** Metrics read from one item; the rest of a longer list is not read (no message could show it). */
    public static final int MAX_METRICS_PER_ITEM = 50;

    private static final String URL_PART = "[^\\s<>|/?#]+";
    private static final Pattern MLFLOW_URL = Pattern.compile(
            "https?://[^\\s<>|]*?#/experiments/(" + URL_PART + ")/runs/(" + URL_PART + ")[^\\s<>|]*");
    private static final Pattern WANDB_URL = Pattern.compile(
            "https?://(?:www\\.)?wandb\\.ai/(" + URL_PART + ")/(" + URL_PART + ")/runs/(" + URL_PART + ")[^\\s<>|]*");
    private static final Pattern SHORT_REF = Pattern.compile(
            "(?<![\\w/:.-])(run|mlflow|wandb):([A-Za-z0-9][\\w.-]*)", Pattern.CASE_INSENSITIVE);
    private static final Pattern GOAL = Pattern.compile("(?<![\\w&#/<|-])#([A-Za-z][A-Za-z0-9-]{0,62})(?![\\w-])");
    private static final Pattern METRIC = Pattern.compile(
            "(?<![\\w.-])([A-Za-z][\\w@-]*(?: [A-Za-z][\\w@-]*)?)\\s*([=:]|\\s)\\s*"
                    + "((?:[-+]?(?:\\d|\\.\\d)[\\d.eE+-]*%?)|(?i:[-+]?(?:nan|inf(?:inity)?)))(?![\\w])");
    private static final Pattern NUMBER = Pattern.compile("[-+]?(?:\\d+(?:\\.\\d+)?|\\.\\d+)(?:[eE][-+]?\\d{1,4})?%?");
    private static final Set<String> NOT_NAMES = Set.of("a", "an", "and", "about", "after", "at", "around", "by",
            "for", "from", "in", "is", "of", "on", "or", "over", "than", "the", "to", "under", "was", "with", "got",
            "reached", "took", "run", "mlflow", "wandb", "step", "steps", "epoch", "epochs", "x");

    /** Words that make a two-word metric name: {@code val F1}, {@code test accuracy}, {@code macro F1}. */
    private static final Set<String> QUALIFIERS = Set.of("val", "valid", "validation", "test", "train", "training",
            "dev", "eval", "holdout", "oof", "cv", "macro", "micro", "weighted", "mean", "avg", "top-1", "top-5",
            "top1", "top5", "balanced", "exact", "bleu", "rouge", "map", "ndcg", "hit", "recall", "precision");

    private ReferenceReader() {
    }

    public static ItemReferences read(String text) {
        if (text == null || text.isBlank()) {
            return ItemReferences.NONE;
        }
        // Every reference has a ':' (run links and run:/mlflow:/wandb: ids) or a '#' (goals). Most items
        // have neither, and items are read again each time an update is shown or exported, so those
        // skip the patterns.
        boolean colon = text.indexOf(':') >= 0;
        if (!colon && text.indexOf('#') < 0) {
            return ItemReferences.NONE;
        }
        List<ParseProblem> problems = new ArrayList<>();
        List<Found> found = new ArrayList<>();
        StringBuilder rest = new StringBuilder(text);

        Matcher mlflow = MLFLOW_URL.matcher(text);
        while (mlflow.find()) {
            add(found, problems, "mlflow", trimEnd(mlflow.group(2)), trimUrl(mlflow.group()), mlflow.start(),
                    mlflow.end(), rest);
        }
        Matcher wandb = WANDB_URL.matcher(text);
        while (wandb.find()) {
            add(found, problems, "wandb", trimEnd(wandb.group(3)), trimUrl(wandb.group()), wandb.start(), wandb.end(),
                    rest);
        }
        Matcher shortRef = SHORT_REF.matcher(rest.toString());
        while (shortRef.find()) {
            String id = trimEnd(shortRef.group(2));
            add(found, problems, shortRef.group(1).toLowerCase(Locale.ROOT), id, null, shortRef.start(),
                    shortRef.end(), rest);
        }

        found.sort(Comparator.comparingInt(Found::start));
        Set<String> goals = new LinkedHashSet<>();
        Matcher goal = GOAL.matcher(rest.toString());
        while (goal.find()) {
            goals.add(goal.group(1).toLowerCase(Locale.ROOT));
        }

        List<RunReference> runs = new ArrayList<>();
        if (!found.isEmpty()) {
            List<Map<String, Double>> metrics = new ArrayList<>();
            found.forEach(f -> metrics.add(new LinkedHashMap<>()));
            Matcher metric = METRIC.matcher(rest.toString());
            int read = 0;
            while (read < MAX_METRICS_PER_ITEM && metric.find()) {
                String name = metricName(metric.group(1), !metric.group(2).isBlank());
                if (name == null) {
                    continue;
                }
                Double value = value(metric.group(3));
                if (value == null) {
                    problems.add(new ParseProblem(ParseProblem.Kind.BAD_METRIC, metric.group(1) + " " + metric.group(3)));
                    continue;
                }
                if (metrics.get(ownerOf(found, metric.start())).putIfAbsent(name, value) == null) {
                    read++;
                }
            }
            Map<String, Integer> seen = new LinkedHashMap<>();
            for (int i = 0; i < found.size(); i++) {
                Found f = found.get(i);
                Integer earlier = seen.putIfAbsent(f.id, runs.size());
                if (earlier == null) {
                    runs.add(new RunReference(f.source, f.id, f.url, metrics.get(i)));
                } else {
                    RunReference first = runs.get(earlier);
                    Map<String, Double> merged = new LinkedHashMap<>(first.metrics());
                    metrics.get(i).forEach(merged::putIfAbsent);
                    runs.set(earlier, new RunReference(first.source(), first.id(),
                            first.url() != null ? first.url() : f.url, merged));
                }
            }
        }
        return new ItemReferences(runs, List.copyOf(goals), problems);
    }

    /** The metric name as stored: lower case, words joined by underscores; null when it is not a metric name. */
    public static String normaliseMetric(String written) {
        if (written == null) {
            return null;
        }
        String name = written.strip().toLowerCase(Locale.ROOT).replaceAll("[\\s-]+", "_");
        return name.matches("[a-z][a-z0-9_@./]{0,63}") ? name : null;
    }

    /** A finite number as written, with {@code %} read as a fraction; null for NaN, infinities and junk. */
    static Double value(String written) {
        if (!NUMBER.matcher(written).matches()) {
            return null;
        }
        boolean percent = written.endsWith("%");
        double value;
        try {
            value = Double.parseDouble(percent ? written.substring(0, written.length() - 1) : written);
        } catch (NumberFormatException e) {
            return null;
        }
        if (!Double.isFinite(value)) {
            return null;
        }
        return percent ? value / 100.0 : value;
    }

    private static String metricName(String written, boolean explicit) {
        String[] words = written.toLowerCase(Locale.ROOT).split(" ");
        List<String> kept = new ArrayList<>(List.of(words));
        while (!kept.isEmpty() && NOT_NAMES.contains(kept.get(0))) {
            kept.remove(0);
        }
        if (kept.isEmpty() || (!explicit && NOT_NAMES.contains(kept.get(kept.size() - 1)))) {
            return null;
        }
        if (kept.size() == 2 && !QUALIFIERS.contains(kept.get(0))) {
            kept.remove(0); // "baseline auc=0.9" is about auc
        }
        return normaliseMetric(String.join("_", kept));
    }

    private static void add(List<Found> found, List<ParseProblem> problems, String source, String id, String url,
                            int start, int end, StringBuilder rest) {
        for (int i = start; i < end; i++) {
            rest.setCharAt(i, ' '); // keeps positions, so metrics find their nearest run
        }
        if (id.length() > MAX_RUN_ID) {
            problems.add(new ParseProblem(ParseProblem.Kind.RUN_ID_TOO_LONG, id.substring(0, 12) + "…"));
            return;
        }
        if (url != null && url.length() > 2000) {
            url = null;
        }
        found.add(new Found(source, id, url, start));
    }

    /** The metric belongs to the last run named before it, or when none is, to the first one after it. */
    private static int ownerOf(List<Found> found, int position) {
        int before = -1;
        for (int i = 0; i < found.size() && found.get(i).start < position; i++) {
            before = i;
        }
        return Math.max(before, 0);
    }

    private static String trimUrl(String url) {
        return trimEnd(url);
    }

    private static String trimEnd(String token) {
        int end = token.length();
        // A link written in parentheses or at the end of a sentence: "(…/runs/1a2b3c)", "…/runs/1a2b3c。"
        while (end > 0 && ".,;:)]}）】。，；：".indexOf(token.charAt(end - 1)) >= 0) {
            end--;
        }
        return token.substring(0, end);
    }

    private record Found(String source, String id, String url, int start) {
    }
}
