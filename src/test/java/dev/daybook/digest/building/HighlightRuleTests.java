package dev.daybook.digest.building;

import dev.daybook.digest.summary.Line;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

class HighlightRuleTests {

    private static final LocalDate MON = LocalDate.of(2026, 11, 23);

    @Test
    void runsGoalsNumbersAndReasonsScore() {
        assertThat(HighlightRule.score("tidied up")).isZero();
        assertThat(HighlightRule.score("val F1 0.87")).isEqualTo(2);
        assertThat(HighlightRule.score("baseline (run mlflow:abc)")).isEqualTo(3);
        assertThat(HighlightRule.score("see https://wandb.ai/acme/invoices/runs/abcdef")).isEqualTo(3);
        assertThat(HighlightRule.score("https://mlflow.acme.io/#/experiments/4/runs/9f8e")).isEqualTo(5); // the 4 is a number too
        assertThat(HighlightRule.score("closer to #precision-target")).isEqualTo(2);
        assertThat(HighlightRule.score("rewrote the loader because the old one leaked memory on every epoch")).isEqualTo(1);
        assertThat(HighlightRule.score("fixed &amp; merged")).isZero();
    }

    @Test
    void everyonesBestComesFirstThenTheRestByScore() {
        List<Line> done = List.of(
                line("ada", MON, "tidied up"),
                line("ada", MON, "val F1 0.87 (run:r1)"),
                line("ada", MON.plusDays(1), "precision 0.91 (run:r2) for #precision"),
                line("bob", MON, "wrote docs"),
                line("ada", MON.plusDays(2), "12% fewer errors"));

        List<Line> picked = HighlightRule.pick(done);

        assertThat(picked).extracting(Line::text).containsExactly(
                "precision 0.91 (run:r2) for #precision", "wrote docs", "val F1 0.87 (run:r1)", "12% fewer errors");
    }

    @Test
    void aBigWeekIsCappedAndAQuietOneIsNotAllOfIt() {
        List<Line> many = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            many.add(line("u" + (i % 3), MON.plusDays(i % 5), "item " + i + " with a metric"));
        }
        List<Line> picked = HighlightRule.pick(many);
        assertThat(picked).hasSize(HighlightRule.MAX);
        assertThat(picked.subList(0, 3)).extracting(Line::userId).containsExactlyInAnyOrder("u0", "u1", "u2");
        assertThat(HighlightRule.pick(List.of(line("a", MON, "x"), line("a", MON, "y"), line("a", MON, "z")))).hasSize(2);
        assertThat(HighlightRule.pick(List.of())).isEmpty();
    }

    private static Line line(String user, LocalDate day, String text) {
        return new Line(user, user.toUpperCase(), day, text);
    }
}
