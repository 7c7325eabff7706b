package dev.daybook.runs.comparison;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * What a run was measured on: the dataset (its name, and a version or content hash), the split, the
 * seed and the code version (a git commit). Each part may be unknown (null). Config parameters stay in
 * the run's params.
 */
public record Measurement(String dataset, String datasetVersion, String split, Long seed, String codeVersion) {

    public static final Measurement NONE = new Measurement(null, null, null, null, null);

    public static final int MAX_DATASET = 255, MAX_VERSION = 128, MAX_SPLIT = 64, MAX_CODE = 64;

    /** Param and tag names read as the dataset's name, in this order (MLflow params and tags, the API's params). */
    public static final List<String> DATASET_NAMES = List.of("dataset", "dataset_name", "data");
    public static final List<String> VERSION_NAMES = List.of("dataset_version", "data_version", "dataset_hash",
            "dataset_digest");
    public static final List<String> SPLIT_NAMES = List.of("split", "data_split", "eval_split");
    public static final List<String> SEED_NAMES = List.of("seed", "random_seed");
    public static final List<String> CODE_NAMES = List.of("mlflow.source.git.commit", "git_commit", "code_version");

    /** Params that describe the measurement rather than the model: left out when configs are compared. */
    static final Set<String> MEASUREMENT_KEYS;

    static {
        List<String> all = new ArrayList<>();
        all.addAll(DATASET_NAMES);
        all.addAll(VERSION_NAMES);
        all.addAll(SPLIT_NAMES);
        all.addAll(SEED_NAMES);
        all.addAll(CODE_NAMES);
        MEASUREMENT_KEYS = Set.copyOf(all);
    }

    public Measurement {
        dataset = clean(dataset);
        datasetVersion = clean(datasetVersion);
        split = clean(split);
        codeVersion = clean(codeVersion);
    }

    public boolean isEmpty() {
        return equals(NONE);
    }

    /** This measurement with the parts {@code later} knows put over it. */
    public Measurement with(Measurement later) {
        if (later == null) {
            return this;
        }
        return new Measurement(or(later.dataset, dataset), or(later.datasetVersion, datasetVersion),
                or(later.split, split), later.seed != null ? later.seed : seed, or(later.codeVersion, codeVersion));
    }

    /** What two sources say together: each part either knows, and unknown where they disagree. */
    public static Measurement agreeing(Measurement a, Measurement b) {
        return new Measurement(agree(a.dataset, b.dataset), agree(a.datasetVersion, b.datasetVersion),
                agree(a.split, b.split), agree(a.seed, b.seed), agree(a.codeVersion, b.codeVersion));
    }

    private static <T> T agree(T a, T b) {
        return a == null ? b : b == null || a.equals(b) ? a : null;
    }

    /** "invoices v4", "invoices", or null when the dataset is unknown. */
    public String datasetLabel() {
        if (dataset == null) {
            return datasetVersion == null ? null : "version " + datasetVersion;
        }
        return datasetVersion == null ? dataset : dataset + " " + datasetVersion;
    }

    /** What was read, and the parts that contradicted each other (those are left unknown). */
    public record Read(Measurement measured, List<String> conflicts) {
    }

    /**
     * Reads the measurement from run params or tags by the names above; a part given twice with
     * different values (like {@code seed} 1 and {@code random_seed} 2) is a conflict.
     */
    public static Read fromParams(Map<String, String> params) {
        List<String> conflicts = new ArrayList<>();
        Map<String, String> lower = new LinkedHashMap<>();
        params.forEach((k, v) -> lower.putIfAbsent(k.strip().toLowerCase(Locale.ROOT), v));
        String dataset = one(lower, DATASET_NAMES, "dataset", MAX_DATASET, conflicts);
        String version = one(lower, VERSION_NAMES, "dataset version", MAX_VERSION, conflicts);
        String split = one(lower, SPLIT_NAMES, "split", MAX_SPLIT, conflicts);
        String code = one(lower, CODE_NAMES, "code version", MAX_CODE, conflicts);
        String seedText = one(lower, SEED_NAMES, "seed", 20, conflicts);
        Long seed = null;
        if (seedText != null) {
            seed = parseSeed(seedText);
            if (seed == null) {
                conflicts.add("seed '" + seedText + "' is not a whole number");
            }
        }
        return new Read(new Measurement(dataset, version, split, seed, code), List.copyOf(conflicts));
    }

    /** A seed as written: a whole number ("42", "42.0" from a float param), or null. */
    public static Long parseSeed(String text) {
        String t = text.strip();
        if (t.endsWith(".0")) {
            t = t.substring(0, t.length() - 2);
        }
        if (!t.matches("-?\\d{1,18}")) {
            return null;
        }
        return Long.parseLong(t);
    }

    private static String one(Map<String, String> params, List<String> names, String what, int max,
                              List<String> conflicts) {
        String found = null;
        String foundName = null;
        for (String name : names) {
            String value = clean(params.get(name));
            if (value == null || value.length() > max) {
                continue;
            }
            if (found == null) {
                found = value;
                foundName = name;
            } else if (!found.equals(value)) {
                conflicts.add(what + " given as '" + foundName + "' = " + found + " and '" + name + "' = " + value);
                return null;
            }
        }
        return found;
    }

    private static String clean(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    private static String or(String a, String b) {
        return a != null ? a : b;
    }

    static boolean same(Object a, Object b) {
        return Objects.equals(a, b);
    }
}
