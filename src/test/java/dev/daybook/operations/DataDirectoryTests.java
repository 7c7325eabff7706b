package dev.daybook.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.daybook.testkit.DaybookProcess;

/**
 * Daybook started as a service manager starts it: from some directory, stopped with SIGTERM. The
 * data lives where DAYBOOK_DATA_DIR says, resolved once and logged; a person's own H2 URL keeps the
 * options that make shutdown safe.
 */
class DataDirectoryTests {

    private static final Map<String, String> QUIET = Map.of("spring.quartz.auto-startup", "false");

    @Test
    void theDataDirectoryIsResolvedLoggedAndUsedWhereverDaybookIsStartedFrom(@TempDir Path somewhere) throws Exception {
        Path startedFrom = Files.createDirectories(somewhere.resolve("service-home"));
        try (DaybookProcess daybook = DaybookProcess.start("data-dir", QUIET, startedFrom,
                Map.of("DAYBOOK_DATA_DIR", "state"))) {
            daybook.awaitHealthy(Duration.ofSeconds(90));
            Path file = startedFrom.resolve("state").resolve("daybook.mv.db").toAbsolutePath().normalize();
            assertThat(daybook.log()).contains("Data: H2 database " + file);
            assertThat(file).exists();
            assertThat(daybook.stop(Duration.ofSeconds(30))).isIn(0, 143);
            assertThat(daybook.log()).doesNotContain("already closed");
        }
    }

    @Test
    void aPersonsOwnH2UrlKeepsTheOptionsThatMakeShutdownSafe(@TempDir Path somewhere) throws Exception {
        String own = "jdbc:h2:file:" + somewhere.resolve("own").resolve("db");
        try (DaybookProcess daybook = DaybookProcess.start("own-url", QUIET, somewhere,
                Map.of("SPRING_DATASOURCE_URL", own))) {
            daybook.awaitHealthy(Duration.ofSeconds(90));
            assertThat(daybook.log()).contains("Data: H2 database " + somewhere.resolve("own").resolve("db.mv.db"));
            assertThat(daybook.stop(Duration.ofSeconds(30))).isIn(0, 143);
            assertThat(daybook.log()).doesNotContain("already closed").doesNotContain("Exception");
        }
    }
}
