package dev.daybook.runs.comparison;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Whether two results were measured the same way, in words: what a new best's check shows about the
 * previous best, and whether a run fits a goal's reference dataset and split. Plain Java, no I/O.
 */
public final class ComparisonRule {

    /** Config params named in a difference; the rest are counted. */
    static final int PARAMS_SHOWN = 4;
    private static final int VALUE_SHOWN = 40;

    private ComparisonRule() {
    }

    /** A run as the rule sees it: what it was measured on and its config params. */
    public record Measured(Measurement measured, Map<String, String> params) {

        public Measured {
            measured = measured == null ? Measurement.NONE : measured;
            params = params == null ? Map.of() : Map.copyOf(params);
        }
    }

    /**
     * What differs between a new best and the previous best, like {@code ["dataset invoices v3 → v4",
     * "lr 0.001 → 0.0003", "seed 7: 1 run only"]}; empty when they were measured alike (and the seed
     * was tried more than once, or is not known).
     *
     * @param previous    the previous best, or null when this is the first result
     * @param seedsTried  how many seeds the project's runs with the new best's setup (all but the seed) were run with, its own included
     */
    public static List<String> differences(Measured current, Measured previous, int seedsTried) {
        List<String> out = new ArrayList<>();
        if (previous != null) {
            Measurement a = previous.measured();
            Measurement b = current.measured();
            dataset(a, b).ifPresent(out::add);
            part("split", a.split(), b.split()).ifPresent(out::add);
            part("code", shortCommit(a.codeVersion()), shortCommit(b.codeVersion())).ifPresent(out::add);
            out.addAll(params(config(previous.params()), config(current.params())));
        }
        if (current.measured().seed() != null && seedsTried <= 1) {
            out.add("seed " + current.measured().seed() + ": 1 run only");
        }
        return out;
    }

    /** Whether two runs share a setup: the same dataset, split, code and config, whatever their seeds. */
    public static boolean sameSetup(Measured a, Measured b) {
        Measurement x = a.measured();
        Measurement y = b.measured();
        return Objects.equals(x.dataset(), y.dataset()) && Objects.equals(x.datasetVersion(), y.datasetVersion())
                && Objects.equals(x.split(), y.split()) && Objects.equals(x.codeVersion(), y.codeVersion())
                && config(a.params()).equals(config(b.params()));
    }

    /** How a run stands against a goal's reference. */
    public enum Fit {
        /** The goal names no reference, or the run was measured on it. */
        FITS,
        /** Measured on another dataset or split. */
        DIFFERENT,
        /** The run does not say what it was measured on. */
        UNKNOWN
    }

    /**
     * Whether a run was measured on a goal's reference: {@code referenceDataset} is a name ("invoices",
     * any version) or a name and version ("invoices@v4"); {@code referenceSplit} a split; either may
     * be null (not part of the reference). Names are compared without regard to case.
     */
    public static Fit fit(String referenceDataset, String referenceSplit, Measurement run) {
        Measurement m = run == null ? Measurement.NONE : run;
        Fit fit = Fit.FITS;
        if (referenceDataset != null && !referenceDataset.isBlank()) {
            String[] ref = splitReference(referenceDataset);
            if (m.dataset() == null || (ref[1] != null && m.datasetVersion() == null)) {
                fit = Fit.UNKNOWN;
            } else if (!m.dataset().equalsIgnoreCase(ref[0])
                    || (ref[1] != null && !m.datasetVersion().equalsIgnoreCase(ref[1]))) {
                return Fit.DIFFERENT;
            }
        }
        if (referenceSplit != null && !referenceSplit.isBlank()) {
            if (m.split() == null) {
                fit = Fit.UNKNOWN;
            } else if (!m.split().equalsIgnoreCase(referenceSplit.strip())) {
                return Fit.DIFFERENT;
            }
        }
        return fit;
    }

    /** "invoices@v4" as {"invoices", "v4"}; "invoices" as {"invoices", null}. */
    static String[] splitReference(String reference) {
        String r = reference.strip();
        int at = r.lastIndexOf('@');
        if (at <= 0 || at == r.length() - 1) {
            return new String[] {r, null};
        }
        return new String[] {r.substring(0, at).strip(), r.substring(at + 1).strip()};
    }

    /** What is wrong with a goal's reference as typed, in words for the person; empty when it may be saved. */
    public static Optional<String> problemWithReference(String dataset, String split) {
        if (dataset != null && !dataset.isBlank()) {
            String d = dataset.strip();
            if (d.length() > Measurement.MAX_DATASET) {
                return Optional.of("Keep the reference dataset under " + Measurement.MAX_DATASET + " characters.");
            }
            if (d.startsWith("@") || d.endsWith("@") || d.chars().anyMatch(Character::isISOControl)) {
                return Optional.of("Write the reference dataset as a name, or a name and version like `invoices@v4`.");
            }
        }
        if (split != null && !split.isBlank()
                && (split.strip().length() > Measurement.MAX_SPLIT || split.chars().anyMatch(Character::isISOControl))) {
            return Optional.of("Write the reference split as one short word, like `test`.");
        }
        return Optional.empty();
    }

    private static Optional<String> dataset(Measurement previous, Measurement current) {
        String a = previous.datasetLabel();
        String b = current.datasetLabel();
        if (Objects.equals(a, b)) {
            return Optional.empty();
        }
        if (a == null) {
            return Optional.of("dataset " + b + " (the previous best does not say)");
        }
        if (b == null) {
            return Optional.of("dataset not recorded (the previous best: " + a + ")");
        }
        if (previous.dataset() != null && previous.dataset().equals(current.dataset())) {
            return Optional.of("dataset " + current.dataset() + " " + orNone(previous.datasetVersion()) + " → "
                    + orNone(current.datasetVersion()));
        }
        return Optional.of("dataset " + a + " → " + b);
    }

    private static Optional<String> part(String what, String a, String b) {
        if (Objects.equals(a, b)) {
            return Optional.empty();
        }
        if (a == null) {
            return Optional.of(what + " " + b + " (the previous best does not say)");
        }
        if (b == null) {
            return Optional.of(what + " not recorded (the previous best: " + a + ")");
        }
        return Optional.of(what + " " + a + " → " + b);
    }

    private static List<String> params(Map<String, String> before, Map<String, String> now) {
        List<String> changes = new ArrayList<>();
        TreeSet<String> keys = new TreeSet<>(before.keySet());
        keys.addAll(now.keySet());
        for (String key : keys) {
            String a = before.get(key);
            String b = now.get(key);
            if (Objects.equals(a, b)) {
                continue;
            }
            changes.add(a == null ? key + " " + shown(b) + " (new)"
                    : b == null ? key + " not set (was " + shown(a) + ")"
                    : key + " " + shown(a) + " → " + shown(b));
        }
        if (changes.size() <= PARAMS_SHOWN + 1) {
            return changes;
        }
        List<String> shown = new ArrayList<>(changes.subList(0, PARAMS_SHOWN));
        int more = changes.size() - PARAMS_SHOWN;
        shown.add("and " + more + " more params");
        return shown;
    }

    /** The config params: everything but what names the measurement, keys compared as written. */
    private static Map<String, String> config(Map<String, String> params) {
        Map<String, String> config = new TreeMap<>();
        params.forEach((k, v) -> {
            if (!Measurement.MEASUREMENT_KEYS.contains(k.strip().toLowerCase(Locale.ROOT))) {
                config.put(k, v == null ? "" : v);
            }
        });
        return config;
    }

    private static String shortCommit(String commit) {
        return commit != null && commit.matches("[0-9a-fA-F]{8,64}") ? commit.substring(0, 7) : commit;
    }

    private static String shown(String value) {
        String v = value.isEmpty() ? "\"\"" : value.replaceAll("\\s+", " ");
        return v.length() > VALUE_SHOWN ? v.substring(0, VALUE_SHOWN) + "…" : v;
    }

    private static String orNone(String version) {
        return version == null ? "(no version)" : version;
    }
}
