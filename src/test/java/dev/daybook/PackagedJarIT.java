package dev.daybook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.util.FileSystemUtils;

import dev.daybook.testkit.DaybookProcess;
import dev.daybook.testkit.FakeSlack;
import dev.daybook.testkit.SlackAppTest;
import dev.daybook.testkit.SlackRequests;
import dev.daybook.testkit.SlackSigner;

/**
 * The jar as built, started with {@code java -jar} on the embedded default: the build generates
 * Spring's ahead-of-time code into it, which no test on the classpath runs, so this one proves that
 * the jar people start records an update and answers about it. It runs after {@code package}
 * (Failsafe, in {@code verify}).
 */
class PackagedJarIT {

    private final FakeSlack slack = FakeSlack.shared();
    private DaybookProcess daybook;
    private Path home;

    @AfterEach
    void cleanUp() throws IOException {
        if (daybook != null) {
            daybook.close();
        }
        if (home != null) {
            FileSystemUtils.deleteRecursively(home);
        }
    }

    @Test
    void theJarAsBuiltStartsOnItsAheadOfTimeCodeRecordsAnUpdateAndAnswersAboutIt() throws IOException {
        Path jar = Path.of(System.getProperty("daybook.jar", "target/daybook.jar"));
        assertThat(jar).as("the jar the build made").exists();
        home = Files.createTempDirectory("daybook-jar-");
        daybook = DaybookProcess.startJar("jar", jar, Map.of(
                "daybook.slack.api-url", slack.apiUrl(),
                "daybook.slack.bot-token", SlackAppTest.BOT_TOKEN,
                "daybook.slack.signing-secret", SlackAppTest.SIGNING_SECRET,
                "spring.quartz.auto-startup", "false"), home).awaitHealthy(Duration.ofSeconds(180));
        assertThat(daybook.output()).contains("Starting AOT-processed");

        SlackRequests requests = new SlackRequests(daybook.baseUrl(), new SlackSigner(SlackAppTest.SIGNING_SECRET),
                Clock.systemUTC());
        slack.channel("CJARTEST", "jar-test");
        slack.user("UJARTEST", "Jar Tester", "Europe/Berlin");
        SlackRequests.Answer recorded = requests.command("/update",
                "Update: trained the packaged baseline Next: compare it Blockers: waiting for the label guide",
                "CJARTEST", "jar-test", "UJARTEST");
        assertThat(recorded.status()).isEqualTo(200);
        assertThat(recorded.text()).contains("Recorded your update");

        SlackRequests.Answer status = requests.command("/daybook", "status", "CJARTEST", "jar-test", "UJARTEST");
        assertThat(status.body()).contains("waiting for the label guide");

        SlackRequests.Answer forged = new SlackRequests(daybook.baseUrl(), new SlackSigner("not-the-secret"),
                Clock.systemUTC()).command("/update", "Update: forged", "CJARTEST", "jar-test", "UJARTEST");
        assertThat(forged.status()).isEqualTo(401);
    }
}
