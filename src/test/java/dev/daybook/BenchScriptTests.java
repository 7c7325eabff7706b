package dev.daybook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

/** {@code bench/run} reads its options before building anything, and quick runs keep off the published figures. */
class BenchScriptTests {

    private record Run(int exit, String output, Duration took) {
    }

    private static Run bench(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("bash", "bench/run"));
        command.addAll(List.of(args));
        Instant start = Instant.now();
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        assertThat(process.waitFor(20, TimeUnit.SECONDS)).as("bench/run %s answered", List.of(args)).isTrue();
        return new Run(process.exitValue(), new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8),
                Duration.between(start, Instant.now()));
    }

    @Test
    void helpAnswersAtOnceWithoutBuilding() throws Exception {
        Run help = bench("--help");
        assertThat(help.exit()).isZero();
        assertThat(help.output()).startsWith("Usage: bench/run").contains("--quick").doesNotContain("Building");
        assertThat(help.took()).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void aMistakeIsToldBeforeBuilding() throws Exception {
        Run wrong = bench("--fast");
        assertThat(wrong.exit()).isEqualTo(2);
        assertThat(wrong.output()).contains("unknown option --fast").contains("Usage:").doesNotContain("Building");
    }

    @Test
    void quickRunsNeverWriteThePublishedFigures() throws Exception {
        assertThat(bench("--quick", "--dry-run").output()).contains("--report target/benchmarks-quick.md")
                .doesNotContain("docs/benchmarks.md");
        assertThat(bench("--quick", "--report", "docs/benchmarks.md", "--dry-run").output())
                .contains("--report target/benchmarks-quick.md");
        assertThat(bench("--dry-run").output()).contains("--report docs/benchmarks.md");
    }
}
