package dev.daybook.goals;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.daybook.updates.parsing.ReferenceReader;

/**
 * A goal's metric target, like {@code precision >= 0.90}. Plain Java; {@link #parse} says what is wrong
 * with a target it cannot read. A percentage is a fraction, as in updates ({@code 90%} is 0.9).
 */
public record GoalTarget(String metric, Comparison comparison, double value) {

    public enum Comparison {
        AT_LEAST(">="), AT_MOST("<="), ABOVE(">"), BELOW("<"), EQUAL("=");

        private final String symbol;

        Comparison(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }

        static Comparison of(String written) {
            return switch (written) {
                case ">=", "≥", "=>" -> AT_LEAST;
                case "<=", "≤", "=<" -> AT_MOST;
                case ">" -> ABOVE;
                case "<" -> BELOW;
                default -> EQUAL;
            };
        }
    }

    /** The result of reading a target: the target, or a sentence for the user on what to change. */
    public record Parsed(Optional<GoalTarget> target, String problem) {
    }

    private static final Pattern FORM = Pattern.compile("^\\s*(.{1,64}?)\\s*(>=|<=|=>|=<|≥|≤|==|=|>|<)\\s*(\\S{1,40})\\s*$");
    private static final Pattern NUMBER = Pattern.compile("[-+]?(?:\\d+(?:\\.\\d+)?|\\.\\d+)(?:[eE][-+]?\\d{1,3})?%?");
    private static final String EXAMPLE = "Write it like `precision >= 0.90`, `loss < 0.2` or `recall >= 85%`.";

    public static Parsed parse(String written) {
        if (written == null || written.isBlank()) {
            return new Parsed(Optional.empty(), "There is no target. " + EXAMPLE);
        }
        if (written.length() > 120) {
            return new Parsed(Optional.empty(), "That target is too long. " + EXAMPLE);
        }
        Matcher m = FORM.matcher(written);
        if (!m.matches()) {
            return new Parsed(Optional.empty(), "I could not read `" + written.strip() + "` as a target. " + EXAMPLE);
        }
        String metric = ReferenceReader.normaliseMetric(m.group(1));
        if (metric == null) {
            return new Parsed(Optional.empty(), "`" + m.group(1).strip() + "` is not a metric name: start with a letter. " + EXAMPLE);
        }
        String number = m.group(3);
        if (!NUMBER.matcher(number).matches()) {
            return new Parsed(Optional.empty(), "`" + number + "` is not a number. " + EXAMPLE);
        }
        boolean percent = number.endsWith("%");
        double value = Double.parseDouble(percent ? number.substring(0, number.length() - 1) : number);
        if (!Double.isFinite(value)) {
            return new Parsed(Optional.empty(), "`" + number + "` is too large. " + EXAMPLE);
        }
        return new Parsed(Optional.of(new GoalTarget(metric, Comparison.of(m.group(2)), percent ? value / 100.0 : value)),
                null);
    }

    /** Whether a value meets the target. */
    public boolean metBy(double candidate) {
        return switch (comparison) {
            case AT_LEAST -> candidate >= value;
            case AT_MOST -> candidate <= value;
            case ABOVE -> candidate > value;
            case BELOW -> candidate < value;
            case EQUAL -> Math.abs(candidate - value) <= 1e-9 * Math.max(1, Math.abs(value));
        };
    }

    @Override
    public String toString() {
        return metric + " " + comparison.symbol() + " " + format(value);
    }

    static String format(double value) {
        String text = String.format(Locale.ROOT, "%.4f", value).replaceAll("0+$", "");
        return text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    }
}
