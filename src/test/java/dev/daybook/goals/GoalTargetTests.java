package dev.daybook.goals;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.daybook.goals.GoalTarget.Comparison;

class GoalTargetTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "precision >= 0.90 | precision | AT_LEAST | 0.9",
            "Val F1>0.8        | val_f1    | ABOVE    | 0.8",
            "loss <= .2        | loss      | AT_MOST  | 0.2",
            "wer < 5%          | wer       | BELOW    | 0.05",
            "recall ≥ 85%      | recall    | AT_LEAST | 0.85",
            "accuracy = 1      | accuracy  | EQUAL    | 1.0",
            "top-1 acc == 0.7  | top_1_acc | EQUAL    | 0.7"})
    void readsTargets(String written, String metric, Comparison comparison, double value) {
        GoalTarget target = GoalTarget.parse(written).target().orElseThrow();

        assertThat(target.metric()).isEqualTo(metric);
        assertThat(target.comparison()).isEqualTo(comparison);
        assertThat(target.value()).isCloseTo(value, org.assertj.core.data.Offset.offset(1e-12));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "precision", "precision >= high", ">= 0.9", "9lives >= 1", "precision >= 0.9.1",
            "precision >= NaN", "precision >= 1e999", "precision >> 0.9"})
    void explainsTargetsItCannotRead(String written) {
        GoalTarget.Parsed parsed = GoalTarget.parse(written);

        assertThat(parsed.target()).isEmpty();
        assertThat(parsed.problem()).contains("precision >= 0.90");
    }

    @Test
    void refusesAnOverlongTarget() {
        assertThat(GoalTarget.parse("precision >= " + "9".repeat(500)).target()).isEmpty();
    }

    @Test
    void judgesValuesAgainstTheTarget() {
        assertThat(GoalTarget.parse("precision >= 0.9").target().orElseThrow().metBy(0.9)).isTrue();
        assertThat(GoalTarget.parse("precision > 0.9").target().orElseThrow().metBy(0.9)).isFalse();
        assertThat(GoalTarget.parse("loss <= 0.2").target().orElseThrow().metBy(0.25)).isFalse();
        assertThat(GoalTarget.parse("loss < 0.2").target().orElseThrow().metBy(0.1)).isTrue();
        assertThat(GoalTarget.parse("acc = 0.3").target().orElseThrow().metBy(0.1 + 0.2)).isTrue();
    }

    @Test
    void writesItselfBackReadably() {
        assertThat(GoalTarget.parse("precision >= 90%").target().orElseThrow()).hasToString("precision >= 0.9");
    }
}
