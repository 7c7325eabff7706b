package dev.daybook.runs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Which typed lists of MLflow experiment ids a project may watch: plain Java, no Spring. */
class WatchedExperimentIdsTests {

    @Test
    void idsAreReadFromCommasAndSpacesWithoutRepeats() {
        assertThat(MlflowPolling.problemWithExperiments(" 12, 47 ,12  9")).isEmpty();
        assertThat(MlflowPolling.experimentIds(" 12, 47 ,12  9")).containsExactly("12", "47", "9");
        assertThat(MlflowPolling.experimentIds("")).isEmpty();
        assertThat(MlflowPolling.experimentIds(null)).isEmpty();
    }

    @Test
    void moreThanTenAreRefusedPolitely() {
        assertThat(MlflowPolling.problemWithExperiments("1,2,3,4,5,6,7,8,9,10")).isEmpty();
        assertThat(MlflowPolling.problemWithExperiments("1,2,3,4,5,6,7,8,9,10,11")).get().asString()
                .contains("At most 10").contains("11 are listed");
    }

    @Test
    void somethingThatIsNotAnIdIsNamedAndExplained() {
        assertThat(MlflowPolling.problemWithExperiments("12, https://mlflow.acme.io/#/experiments/4")).get().asString()
                .contains("is not an experiment id").contains("…/#/experiments/12");
        assertThat(MlflowPolling.problemWithExperiments("x".repeat(65))).get().asString().contains("…");
        assertThat(MlflowPolling.problemWithExperiments("12; drop table")).isPresent();
        assertThatThrownBy(() -> MlflowPolling.experimentIds("a'b")).isInstanceOf(IllegalArgumentException.class);
    }
}
