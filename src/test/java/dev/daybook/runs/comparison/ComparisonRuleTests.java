package dev.daybook.runs.comparison;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.daybook.runs.comparison.ComparisonRule.Fit;
import dev.daybook.runs.comparison.ComparisonRule.Measured;

/** The comparison rule in plain Java: what differs between two results, and whether a run fits a goal's reference. */
class ComparisonRuleTests {

    private static Measured run(String dataset, String version, String split, Long seed, String code, Map<String, String> params) {
        return new Measured(new Measurement(dataset, version, split, seed, code), params);
    }

    @Test
    void sameMeasurementAndSeveralSeedsHaveNoDifferences() {
        Measured a = run("invoices", "v3", "test", 1L, "abc1234", Map.of("lr", "0.001"));
        Measured b = run("invoices", "v3", "test", 2L, "abc1234", Map.of("lr", "0.001"));

        assertThat(ComparisonRule.differences(b, a, 2)).isEmpty();
        assertThat(ComparisonRule.sameSetup(a, b)).isTrue();
    }

    @Test
    void aNewDatasetVersionAndASingleSeedAreSaid() {
        Measured previous = run("invoices", "v3", "test", 1L, null, Map.of());
        Measured current = run("invoices", "v4", "test", 7L, null, Map.of());

        assertThat(ComparisonRule.differences(current, previous, 1))
                .containsExactly("dataset invoices v3 → v4", "seed 7: 1 run only");
    }

    @Test
    void anotherDatasetSplitCodeAndConfigAreEachSaid() {
        Measured previous = run("invoices", "v3", "val", null, "0123456789abcdef0123456789abcdef01234567",
                Map.of("lr", "0.001", "dropout", "0.1", "seed", "1"));
        Measured current = run("receipts", null, "test", null, "fedcba9876543210fedcba9876543210fedcba98",
                Map.of("lr", "0.0003", "warmup", "500", "seed", "2"));

        assertThat(ComparisonRule.differences(current, previous, 1)).containsExactly(
                "dataset invoices v3 → receipts", "split val → test", "code 0123456 → fedcba9",
                "dropout not set (was 0.1)", "lr 0.001 → 0.0003", "warmup 500 (new)");
    }

    @Test
    void whatOnlyOneSideRecordsIsSaidAsSuch() {
        Measured previous = run(null, null, "test", null, null, Map.of());
        Measured current = run("invoices", "v4", null, null, null, Map.of());

        assertThat(ComparisonRule.differences(current, previous, 1)).containsExactly(
                "dataset invoices v4 (the previous best does not say)", "split not recorded (the previous best: test)");
        assertThat(ComparisonRule.differences(run("invoices", null, null, null, null, Map.of()),
                run("invoices", "v2", null, null, null, Map.of()), 1))
                .containsExactly("dataset invoices v2 → (no version)");
    }

    @Test
    void manyChangedParamsAreCountedAndLongValuesCut() {
        Map<String, String> before = new LinkedHashMap<>();
        Map<String, String> after = new LinkedHashMap<>();
        for (int i = 0; i < 9; i++) {
            before.put("p" + i, "a");
            after.put("p" + i, "b");
        }
        after.put("p0", "x".repeat(100));

        var differences = ComparisonRule.differences(run(null, null, null, null, null, after),
                run(null, null, null, null, null, before), 1);

        assertThat(differences).hasSize(ComparisonRule.PARAMS_SHOWN + 1);
        assertThat(differences.get(0)).isEqualTo("p0 a → " + "x".repeat(40) + "…");
        assertThat(differences.get(ComparisonRule.PARAMS_SHOWN)).isEqualTo("and 5 more params");
    }

    @Test
    void theFirstResultSaysOnlyTheSeed() {
        assertThat(ComparisonRule.differences(run("d", null, null, 3L, null, Map.of()), null, 1))
                .containsExactly("seed 3: 1 run only");
        assertThat(ComparisonRule.differences(run("d", null, null, null, null, Map.of()), null, 1)).isEmpty();
        assertThat(ComparisonRule.differences(run("d", null, null, 3L, null, Map.of()), null, 3)).isEmpty();
    }

    @Test
    void seedParamsDoNotMakeSetupsDifferentButOtherParamsDo() {
        assertThat(ComparisonRule.sameSetup(run("d", null, null, 1L, null, Map.of("SEED", "1", "lr", "1")),
                run("d", null, null, 2L, null, Map.of("random_seed", "2", "lr", "1")))).isTrue();
        assertThat(ComparisonRule.sameSetup(run("d", null, null, 1L, null, Map.of("lr", "1")),
                run("d", null, null, 2L, null, Map.of("lr", "2")))).isFalse();
        assertThat(ComparisonRule.sameSetup(run("d", "v1", null, 1L, null, Map.of()),
                run("d", "v2", null, 1L, null, Map.of()))).isFalse();
    }

    @Test
    void aRunFitsAGoalsReferenceOnlyWhenKnownToBeMeasuredOnIt() {
        Measurement v4test = new Measurement("Invoices", "v4", "test", null, null);

        assertThat(ComparisonRule.fit(null, null, Measurement.NONE)).isEqualTo(Fit.FITS);
        assertThat(ComparisonRule.fit("invoices", null, v4test)).isEqualTo(Fit.FITS);
        assertThat(ComparisonRule.fit("invoices@v4", "test", v4test)).isEqualTo(Fit.FITS);
        assertThat(ComparisonRule.fit("invoices@v3", null, v4test)).isEqualTo(Fit.DIFFERENT);
        assertThat(ComparisonRule.fit("receipts", null, v4test)).isEqualTo(Fit.DIFFERENT);
        assertThat(ComparisonRule.fit(null, "val", v4test)).isEqualTo(Fit.DIFFERENT);
        assertThat(ComparisonRule.fit("invoices", "test", Measurement.NONE)).isEqualTo(Fit.UNKNOWN);
        assertThat(ComparisonRule.fit("invoices@v4", null, new Measurement("invoices", null, null, null, null)))
                .isEqualTo(Fit.UNKNOWN);
        // another dataset is different even when the split is not known
        assertThat(ComparisonRule.fit("receipts", "test", new Measurement("invoices", null, null, null, null)))
                .isEqualTo(Fit.DIFFERENT);
        // an @ inside a name: the last one separates the version
        assertThat(ComparisonRule.fit("team@acme@v1", null, new Measurement("team@acme", "v1", null, null, null)))
                .isEqualTo(Fit.FITS);
    }

    @Test
    void badReferencesAreRefusedInWords() {
        assertThat(ComparisonRule.problemWithReference("invoices@v4", "test")).isEmpty();
        assertThat(ComparisonRule.problemWithReference("@v4", null)).get().asString().contains("name and version");
        assertThat(ComparisonRule.problemWithReference("x".repeat(300), null)).get().asString().contains("255");
        assertThat(ComparisonRule.problemWithReference(null, "a\u0000b")).get().asString().contains("split");
        assertThat(ComparisonRule.problemWithReference(null, "s".repeat(65))).isPresent();
    }

    @Test
    void measurementsAreReadFromParamsAndContradictionsLeftUnknown() {
        Measurement.Read read = Measurement.fromParams(Map.of("Dataset", "invoices", "dataset_hash", "sha256:ab",
                "split", "test", "seed", "42.0", "mlflow.source.git.commit", "abc"));
        assertThat(read.measured()).isEqualTo(new Measurement("invoices", "sha256:ab", "test", 42L, "abc"));
        assertThat(read.conflicts()).isEmpty();

        Measurement.Read conflicting = Measurement.fromParams(Map.of("seed", "1", "random_seed", "2", "split", "x"));
        assertThat(conflicting.measured().seed()).isNull();
        assertThat(conflicting.measured().split()).isEqualTo("x");
        assertThat(conflicting.conflicts()).singleElement().asString().contains("seed");

        assertThat(Measurement.fromParams(Map.of("seed", "lucky")).conflicts()).singleElement().asString()
                .contains("not a whole number");
        assertThat(Measurement.fromParams(Map.of("dataset", "x".repeat(300))).measured().dataset()).isNull();
    }
}
