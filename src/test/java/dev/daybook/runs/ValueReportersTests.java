package dev.daybook.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.daybook.runs.ValueReporters.Source;

/** Who reported the numbers a run shows, and so cannot verify it. */
class ValueReportersTests {

    @Test
    void theReporterOfTheNumberShownNotTheFirstReporterOfTheRun() {
        List<Source> sources = List.of(new Source("ALICE", Map.of("val_f1", 0.50)), new Source("BOB", Map.of("val_f1", 0.99)));

        assertThat(ValueReporters.of(Map.of("val_f1", 0.99), sources)).containsExactly("BOB");
    }

    @Test
    void everyoneWhoReportedTheSameNumber() {
        List<Source> sources = List.of(new Source("ALICE", Map.of("auc", 0.91)), new Source("BOB", Map.of("auc", 0.91)),
                new Source("CYD", Map.of("auc", 0.80)));

        assertThat(ValueReporters.of(Map.of("auc", 0.91), sources)).containsExactlyInAnyOrder("ALICE", "BOB");
    }

    @Test
    void aNumberOnlyAScriptOrTheTrackerSaysIsTheNumberOfWhoeverNamedTheRun() {
        List<Source> sources = List.of(new Source("CYD", Map.of()), new Source(null, Map.of("precision", 0.8)),
                new Source("DAN", Map.of("recall", 0.5)));

        assertThat(ValueReporters.of(Map.of("precision", 0.8), sources)).containsExactlyInAnyOrder("CYD", "DAN");
        assertThat(ValueReporters.of(Map.of("recall", 0.5), sources)).containsExactly("DAN");
    }

    @Test
    void severalMetricsMakeSeveralReportersAndAScriptAloneNone() {
        List<Source> sources = List.of(new Source("ALICE", Map.of("val_f1", 0.5, "auc", 0.8)), new Source("BOB", Map.of("val_f1", 0.99)));

        assertThat(ValueReporters.of(Map.of("val_f1", 0.99, "auc", 0.8), sources)).containsExactlyInAnyOrder("ALICE", "BOB");
        assertThat(ValueReporters.of(Map.of("auc", 0.7), List.of(new Source(null, Map.of("auc", 0.7))))).isEmpty();
        assertThat(ValueReporters.of(Map.of(), sources)).isEmpty();
    }
}
