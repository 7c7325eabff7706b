package dev.daybook.runs.comparison;

import java.util.Set;

/** Whether more of a metric is better: losses and errors go down, everything else up. */
public final class MetricDirection {

    private static final Set<String> LOWER_IS_BETTER_WORDS = Set.of("loss", "error", "err", "mae", "mse", "rmse",
            "mape", "wer", "cer", "perplexity", "ppl", "latency", "fpr", "fnr", "eer", "logloss", "brier");

    private MetricDirection() {
    }

    public static boolean higherIsBetter(String metric) {
        for (String word : metric.split("[_@./]")) {
            if (LOWER_IS_BETTER_WORDS.contains(word)) {
                return false;
            }
        }
        return true;
    }

    /** Whether {@code candidate} is strictly better than {@code best} for this metric. */
    public static boolean beats(String metric, double candidate, double best) {
        return higherIsBetter(metric) ? candidate > best : candidate < best;
    }
}
