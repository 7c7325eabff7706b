package dev.daybook.digest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.springframework.beans.factory.annotation.Autowired;

import dev.daybook.projects.ProjectDirectory;
import dev.daybook.testkit.FakeSlack;
import dev.daybook.testkit.SlackAppTest;

/**
 * The summary's web page in a real headless Chromium: it loads, shows its charts, fetches nothing
 * else and logs no errors. Without Chromium on the machine the test is skipped, unless
 * {@code DAYBOOK_TEST_BROWSER=required} (set by CI, which installs it).
 */
class DigestBrowserTests extends SlackAppTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    @Autowired
    Digests digests;

    @Autowired
    ProjectDirectory projects;

    @Autowired
    dev.daybook.goals.GoalService goals;

    @Autowired
    dev.daybook.runs.RunService runs;

    @Test
    void theSummaryPageLoadsWithItsChartsAndNoConsoleErrors() throws IOException {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
        if ("required".equalsIgnoreCase(System.getenv("DAYBOOK_TEST_BROWSER"))) {
            assertThat(present).as("Chromium and its driver at %s and %s (DAYBOOK_TEST_BROWSER=required)", CHROMIUM, DRIVER)
                    .isTrue();
        }
        assumeTrue(present, "Chromium is not installed (apt-get install chromium chromium-driver); "
                + "the browser test of the summary page is skipped.");

        String link = sampleWeek();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=900,1060", "--no-first-run", "--disable-extensions");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, java.util.logging.Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver browser = new ChromeDriver(service, options);
        try {
            browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            browser.get(link.replace(digestsBase(), baseUrl()));
            JavascriptExecutor js = browser;

            assertThat(browser.getTitle()).startsWith("Weekly summary · ").contains("23–29 Nov 2026");
            assertThat(js.executeScript("return document.readyState")).isEqualTo("complete");
            Number charts = (Number) js.executeScript("return document.querySelectorAll('svg.chart').length");
            assertThat(charts.intValue()).isGreaterThanOrEqualTo(1);
            Number drawn = (Number) js.executeScript("""
                    return Array.from(document.querySelectorAll('svg.chart'))
                        .filter(s => s.getBoundingClientRect().width > 100 && s.getBoundingClientRect().height > 50).length""");
            assertThat(drawn.intValue()).isEqualTo(charts.intValue());
            Number bars = (Number) js.executeScript("""
                    return Array.from(document.querySelectorAll('svg.split-chart rect.bar'))
                        .filter(r => r.getBBox().width > 0).length""");
            assertThat(bars.intValue()).isEqualTo(3); // core, adjacent and moonshot all have time this week
            String text = (String) js.executeScript("return document.body.innerText");
            assertThat(text).contains("Highlights").contains("val F1 0.87").contains("Blockers and asks")
                    .contains("Next week").contains("Who posted");
            // Everything is in the page: no other request was made.
            Number fetched = (Number) js.executeScript("return performance.getEntriesByType('resource').length");
            assertThat(fetched.intValue()).isZero();
            List<LogEntry> problems = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue()).toList();
            assertThat(problems).as("console messages").isEmpty();

            // The whole page, for the sample image in the docs.
            Number height = (Number) js.executeScript("return document.documentElement.scrollHeight");
            browser.manage().window().setSize(new org.openqa.selenium.Dimension(900, Math.min(height.intValue() + 200, 4000)));
            byte[] png = browser.getScreenshotAs(OutputType.BYTES);
            Files.createDirectories(Path.of("target"));
            Files.write(Path.of("target", "weekly-summary.png"), png);
        } finally {
            browser.quit();
        }

        // The not-found page is as clean.
        ChromeDriver again = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().build(), options);
        try {
            again.get(baseUrl() + "/digests/not-a-real-link");
            assertThat(again.getTitle()).isEqualTo("Not found");
            assertThat(again.manage().logs().get(LogType.BROWSER).getAll().stream()
                    .filter(e -> !e.getMessage().contains("404")) // the browser notes the status itself
                    .filter(e -> e.getLevel().intValue() >= java.util.logging.Level.WARNING.intValue()).toList())
                    .isEmpty();
        } finally {
            again.quit();
        }
    }

    private String sampleWeek() {
        String channel = newChannel();
        
        String name = "acme-invoices";
        String ada = newUser();
        String grace = newUser();
        String alan = newUser();
        slack.user(ada, "Ada Lovelace", "UTC").user(grace, "Grace Hopper", "UTC").user(alan, "Alan Turing", "UTC");
        // Three weeks of verified results towards the client's goal, for the goal's chart.
        String[] weeks = {"2026-11-03T12:00:00Z", "2026-11-10T12:00:00Z", "2026-11-17T12:00:00Z"};
        double[] precision = {0.78, 0.83, 0.86};
        for (int i = 0; i < weeks.length; i++) {
            clock.set(java.time.Instant.parse(weeks[i]));
            command(channel, name, ada, "Update: error analysis round " + (i + 1) + " Next: more");
            var project = projects.byChannel(FakeSlack.TEAM_ID, channel).orElseThrow();
            if (i == 0) {
                assertThat(goals.save(FakeSlack.TEAM_ID, project.id(), null, new dev.daybook.goals.GoalDraft("precision",
                        "Invoice classifier precision", "Acme", "precision >= 0.90", "2026-12-18", "active")).errors()).isEmpty();
            }
            var run = runs.report(FakeSlack.TEAM_ID, project.id(), dev.daybook.runs.RunReport.referenced("run",
                    "baseline-" + (i + 1), null, java.util.Map.of("precision", precision[i]), ada));
            runs.verify(FakeSlack.TEAM_ID, run.id(), grace);
        }
        clock.set(DigestTests.TUESDAY);
        var project = projects.byChannel(FakeSlack.TEAM_ID, channel).orElseThrow();
        var best = runs.report(FakeSlack.TEAM_ID, project.id(), dev.daybook.runs.RunReport.referenced("run", "ulmfit-clean",
                null, java.util.Map.of("precision", 0.91, "val_f1", 0.87), ada));
        runs.verify(FakeSlack.TEAM_ID, best.id(), grace);
        runs.report(FakeSlack.TEAM_ID, project.id(), dev.daybook.runs.RunReport.referenced("run", "active-learning-1",
                null, java.util.Map.of("precision", 0.93), grace));
        command(channel, name, ada, """
                Update:
                - ULMFiT baseline: val F1 0.87 (run mlflow:1a2b3c), because BERT needs too much compute for 3k req/day [core 3h]
                - built the text-cleaning step; 12% of rows had mismatched currencies [core 3h]
                Next:
                - fix the currency mismatch, then rerun the baseline
                Blockers:
                - need the client's label guide for the "other" class""");
        command(channel, name, grace, """
                Update:
                - read two papers on label noise [learning 2h]
                - prototype of active learning for the "other" class [moonshot 1h]
                Next:
                - try confident learning on the labels""");
        clock.set(DigestTests.WEDNESDAY);
        command(channel, name, alan, """
                Update:
                - deployed the scoring service to staging; p95 latency 140 ms [core 4h]
                Next:
                - load test at 3k req/day
                Blockers:
                - staging database credentials expire Friday""");
        command(channel, name, ada, """
                Update:
                - fixed the currency mismatch in 1,204 invoices [core 4h]
                Next:
                - rerun the baseline on the clean data
                - write up the results for the client""");
        clock.set(DigestTests.FRIDAY_DUE.minusSeconds(3600));
        return digests.newLink(projects.byChannel(FakeSlack.TEAM_ID, channel).orElseThrow(), IsoWeek.parse("2026-W48").orElseThrow());
    }

    private void command(String channel, String name, String user, String text) {
        assertThat(slackRequests.command("/update", text, channel, name, user).text()).contains("Recorded");
    }

    private static String digestsBase() {
        return "http://localhost:8080";
    }
}
