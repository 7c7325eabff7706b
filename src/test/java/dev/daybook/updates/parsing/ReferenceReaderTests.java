package dev.daybook.updates.parsing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class ReferenceReaderTests {

    @Test
    void readsAnMlflowShortReferenceWithTheMetricBesideIt() {
        ItemReferences refs = ReferenceReader.read(
                "ULMFiT baseline: val F1 0.87 (run mlflow:1a2b3c), because BERT needs too much compute for 3k req/day");

        assertThat(refs.runs()).containsExactly(new RunReference("mlflow", "1a2b3c", null, Map.of("val_f1", 0.87)));
        assertThat(refs.problems()).isEmpty();
    }

    @Test
    void readsMlflowAndWandbLinksAsSlackWritesThem() {
        ItemReferences refs = ReferenceReader.read(
                "compared <https://mlflow.acme.io/#/experiments/12/runs/abc123|the baseline> auc=0.91 "
                        + "with https://wandb.ai/acme/invoices/runs/x7y8z9 precision: 88%");

        assertThat(refs.runs()).hasSize(2);
        RunReference mlflow = refs.runs().get(0);
        assertThat(mlflow.source()).isEqualTo("mlflow");
        assertThat(mlflow.id()).isEqualTo("abc123");
        assertThat(mlflow.url()).isEqualTo("https://mlflow.acme.io/#/experiments/12/runs/abc123");
        assertThat(mlflow.metrics()).containsExactlyEntriesOf(Map.of("auc", 0.91));
        RunReference wandb = refs.runs().get(1);
        assertThat(wandb.source()).isEqualTo("wandb");
        assertThat(wandb.id()).isEqualTo("x7y8z9");
        assertThat(wandb.url()).isEqualTo("https://wandb.ai/acme/invoices/runs/x7y8z9");
        assertThat(wandb.metrics()).containsExactlyEntriesOf(Map.of("precision", 0.88));
    }

    @Test
    void readsABareRunReferenceAndSeveralMetrics() {
        ItemReferences refs = ReferenceReader.read("run:exp-42 recall=0.7, precision 0.9 and loss: 0.123");

        assertThat(refs.runs()).singleElement().satisfies(run -> {
            assertThat(run.source()).isEqualTo("run");
            assertThat(run.id()).isEqualTo("exp-42");
            assertThat(run.metrics()).containsEntry("recall", 0.7).containsEntry("precision", 0.9)
                    .containsEntry("loss", 0.123).hasSize(3);
        });
    }

    @Test
    void keepsTwoWordNamesOnlyWithAQualifier() {
        ItemReferences refs = ReferenceReader.read("baseline auc=0.91, test accuracy 0.8, macro F1: 0.7 run:q");

        assertThat(refs.runs().get(0).metrics()).containsOnlyKeys("auc", "test_accuracy", "macro_f1");
    }

    @Test
    void leavesNumbersAloneInItemsWithoutARun() {
        ItemReferences refs = ReferenceReader.read("12% of rows had mismatched currencies, accuracy 0.5");

        assertThat(refs.runs()).isEmpty();
        assertThat(refs.problems()).isEmpty();
    }

    @Test
    void doesNotTakeProseForMetrics() {
        ItemReferences refs = ReferenceReader.read("trained for 3 epochs on 2 GPUs, run:r1");

        assertThat(refs.runs()).singleElement().satisfies(run -> assertThat(run.metrics()).doesNotContainKey("for"));
    }

    @Test
    void refusesMalformedMetricsAndKeepsTheRun() {
        ItemReferences refs = ReferenceReader.read("run:r9 F1 0.8.7 acc=NaN big=1e309 inf=-Infinity ok=0.5");

        assertThat(refs.runs()).singleElement()
                .satisfies(run -> assertThat(run.metrics()).containsExactlyEntriesOf(Map.of("ok", 0.5)));
        assertThat(refs.problems()).extracting(ParseProblem::kind).containsOnly(ParseProblem.Kind.BAD_METRIC);
        assertThat(refs.problems()).extracting(ParseProblem::detail)
                .containsExactly("F1 0.8.7", "acc NaN", "big 1e309", "inf -Infinity");
        assertThat(refs.problems().get(0).message()).contains("F1 0.8.7");
    }

    @Test
    void refusesARunIdOfTwoThousandCharacters() {
        ItemReferences refs = ReferenceReader.read("tried run:" + "a".repeat(2_000) + " auc=0.9");

        assertThat(refs.runs()).isEmpty();
        assertThat(refs.problems()).singleElement()
                .satisfies(p -> assertThat(p.kind()).isEqualTo(ParseProblem.Kind.RUN_ID_TOO_LONG));
    }

    @Test
    void acceptsARunIdOfTwoHundredCharacters() {
        String id = "b".repeat(ReferenceReader.MAX_RUN_ID);

        assertThat(ReferenceReader.read("mlflow:" + id).runs()).extracting(RunReference::id).containsExactly(id);
    }

    @Test
    void readsGoalSlugsButNotChannelsOrHeadings() {
        ItemReferences refs = ReferenceReader.read(
                "moves #Precision-90 and #recall-target closer, see <#C123|general> and &#x27; #1");

        assertThat(refs.goals()).containsExactly("precision-90", "recall-target");
    }

    @Test
    void attachesEachMetricToTheNearestRun() {
        ItemReferences refs = ReferenceReader.read("run:a auc=0.8 then run:b auc=0.9");

        assertThat(refs.runs()).extracting(r -> r.metrics().get("auc")).containsExactly(0.8, 0.9);
    }

    @Test
    void mergesTheSameRunNamedTwice() {
        ItemReferences refs = ReferenceReader.read("mlflow:abc auc=0.8; again mlflow:abc. f1=0.7");

        assertThat(refs.runs()).singleElement()
                .satisfies(run -> assertThat(run.metrics()).containsEntry("auc", 0.8).containsEntry("f1", 0.7));
    }

    @Test
    void readsValuesStrictly() {
        assertThat(ReferenceReader.value("0.87")).isEqualTo(0.87);
        assertThat(ReferenceReader.value("88%")).isEqualTo(0.88);
        assertThat(ReferenceReader.value("-1.5e-3")).isEqualTo(-0.0015);
        assertThat(ReferenceReader.value("0.8.7")).isNull();
        assertThat(ReferenceReader.value("NaN")).isNull();
        assertThat(ReferenceReader.value("1e309")).isNull();
        assertThat(ReferenceReader.value("1e99999")).isNull();
    }

    @Test
    void staysFastOnHostileText() {
        String hostile = "run:x " + "a a a a = 1.1.1.1 ".repeat(5_000) + "#" + "-".repeat(10_000);
        long start = System.nanoTime();

        ReferenceReader.read(hostile);

        assertThat(System.nanoTime() - start).isLessThan(2_000_000_000L);
    }

    @Test
    void anItemGivesAtMostFiftyMetrics() {
        StringBuilder item = new StringBuilder("sweep run:s1");
        for (int i = 0; i < 3000; i++) {
            item.append(" metric").append(i).append("=0.5");
        }

        ItemReferences references = ReferenceReader.read(item.toString());

        assertThat(references.runs().get(0).metrics()).hasSize(ReferenceReader.MAX_METRICS_PER_ITEM)
                .containsKey("metric0").containsKey("metric49").doesNotContainKey("metric50");
    }

    @Test
    void theParserHandsTheReferencesOverWithEachItem() {
        ParsedUpdate parsed = new UpdateParser().parse(
                "Update:\n- baseline val F1 0.87 (run mlflow:1a2b3c) for #invoice-f1\nNext:\n- F1 0.8.7 run:zz",
                UpdateParser.Form.COMMAND);

        assertThat(parsed.items().get(0).references().runs()).extracting(RunReference::id).containsExactly("1a2b3c");
        assertThat(parsed.items().get(0).references().goals()).containsExactly("invoice-f1");
        assertThat(parsed.problems()).extracting(ParseProblem::kind).contains(ParseProblem.Kind.BAD_METRIC);
    }

    @Test
    void aRunLinkInParenthesesKeepsItsIdClean() {
        ItemReferences read = ReferenceReader.read(
                "baseline val F1 0.87 (https://mlflow.acme.io/#/experiments/3/runs/1a2b3c) and "
                        + "（https://wandb.ai/acme/churn/runs/abc123）");

        assertThat(read.runs()).extracting(RunReference::id).containsExactly("1a2b3c", "abc123");
    }
}
