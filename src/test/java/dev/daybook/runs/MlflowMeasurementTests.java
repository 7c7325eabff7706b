package dev.daybook.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.daybook.runs.comparison.Measurement;

/** What an MLflow run was measured on, read from its params, tags and dataset inputs as {@code runs/get} sends them. */
class MlflowMeasurementTests {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static Measurement read(String run, Map<String, String> params) {
        JsonNode node = JSON.readTree(run);
        return MlflowClient.measured(node, params);
    }

    @Test
    void paramsAndTheGitCommitTagAreRead() {
        Measurement m = read("""
                {"data": {"tags": [{"key": "mlflow.source.git.commit", "value": "0123456789abcdef0123456789abcdef01234567"},
                                   {"key": "mlflow.user", "value": "ada@acme.io"}]}}
                """, Map.of("dataset", "invoices", "dataset_version", "v4", "split", "test", "seed", "7", "lr", "0.1"));

        assertThat(m).isEqualTo(new Measurement("invoices", "v4", "test", 7L,
                "0123456789abcdef0123456789abcdef01234567"));
    }

    @Test
    void theEvaluationDatasetInputIsUsedWhenParamsNameNone() {
        Measurement m = read("""
                {"inputs": {"dataset_inputs": [
                   {"tags": [{"key": "mlflow.data.context", "value": "train"}], "dataset": {"name": "invoices-train", "digest": "aa11"}},
                   {"tags": [{"key": "mlflow.data.context", "value": "eval"}], "dataset": {"name": "invoices", "digest": "bb22"}}]}}
                """, Map.of());

        assertThat(m.dataset()).isEqualTo("invoices");
        assertThat(m.datasetVersion()).isEqualTo("bb22");
    }

    @Test
    void contradictionsAndJunkAreLeftUnknown() {
        Measurement m = read("""
                {"data": {"tags": [{"key": "seed", "value": "8"}, {"key": 5, "value": {"x": 1}}]},
                 "inputs": {"dataset_inputs": "nonsense"}}
                """, Map.of("seed", "7", "split", "x".repeat(65)));

        assertThat(m.seed()).isNull();
        assertThat(m.split()).isNull();
        assertThat(m.dataset()).isNull();
        assertThat(read("{}", Map.of())).isEqualTo(Measurement.NONE);
    }
}
