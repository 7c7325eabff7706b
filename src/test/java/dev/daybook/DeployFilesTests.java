package dev.daybook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

/** What a self-hoster copies from the repository says what the docs say. */
class DeployFilesTests {

    @Test
    void theServiceUnitRunsTheInstalledJarWithTheEnvironmentFileAndStopsGracefully() throws IOException {
        String unit = Files.readString(Path.of("deploy/daybook.service"));
        assertThat(unit).contains("ExecStart=/usr/bin/java -Xmx512m -jar /opt/daybook/daybook.jar")
                .contains("EnvironmentFile=/etc/daybook/daybook.env").contains("KillSignal=SIGTERM")
                .contains("SuccessExitStatus=143").contains("ReadWritePaths=/var/lib/daybook");
        assertThat(Files.readString(Path.of("docs/operations.md"))).contains("deploy/daybook.service")
                .contains("/opt/daybook/daybook.jar").contains("migrate-to-postgres").contains("pg_dump")
                .contains("MANAGEMENT_SERVER_PORT");
    }

    @Test
    void everyVariableOfTheEnvironmentFileIsDocumented() throws IOException {
        String configuration = Files.readString(Path.of("docs/configuration.md"));
        List<String> variables = Files.readAllLines(Path.of("deploy/daybook.env.example")).stream()
                .map(line -> line.startsWith("#") ? line.substring(1) : line)
                .filter(line -> line.matches("[A-Z_]+=.*")).map(line -> line.substring(0, line.indexOf('='))).toList();
        assertThat(variables).contains("DAYBOOK_PUBLIC_URL", "DAYBOOK_DATA_DIR", "SPRING_DATASOURCE_URL");
        for (String variable : variables) {
            assertThat(configuration).as("docs/configuration.md documents %s", variable).contains("`" + variable + "`");
        }
    }

    @Test
    void theLicenseIsApache2() throws IOException {
        assertThat(Files.readString(Path.of("LICENSE"))).contains("Apache License").contains("Version 2.0, January 2004");
    }
}
