package dev.daybook.digest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.daybook.testkit.SlackAppTest;

/** The summary's web page behind an unguessable, expiring, revocable link. */
class DigestPageTests extends SlackAppTest {

    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @Autowired
    Digests digests;

    @Test
    void theLinkInTheSlackSummaryOpensTheSameSummaryAsAPageWithCharts() {
        String channel = newChannel();
        String name = "pg-" + channel.toLowerCase();
        String ada = newUser();
        slack.user(ada, "Ada <script>", "UTC");
        clock.set(DigestTests.TUESDAY);
        post(channel, name, ada, "Update:\n- baseline val F1 0.87 <b>bold</b> [core 3h]\n- idea [moonshot 1h]\nNext:\n- ship it\nBlockers:\n- need GPUs");
        clock.set(DigestTests.FRIDAY_DUE.plusSeconds(5));
        digests.sendDue(clock.instant());
        String token = DigestTests.token(awaitSummary(channel));

        Page page = get("/digests/" + token);

        assertThat(page.status()).isEqualTo(200);
        assertThat(page.header("Content-Type")).startsWith("text/html");
        assertThat(page.header("Cache-Control")).isEqualTo("no-store");
        assertThat(page.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(page.header("Content-Security-Policy")).contains("default-src 'none'");
        assertThat(page.body()).contains("<title>Weekly summary · " + name + " · 23–29 Nov 2026</title>")
                .contains("id=\"highlights\"").contains("baseline val F1 0.87")
                .contains("id=\"blockers\"").contains("need GPUs")
                .contains("id=\"next-week\"").contains("ship it")
                .contains("<svg").contains("class=\"chart split-chart\"").contains("75% · target 70%")
                .contains("Ada &lt;script&gt;").doesNotContain("<script")
                .doesNotContain("<b>bold</b>").contains("&lt;b&gt;bold&lt;/b&gt;");
    }

    @Test
    void aWrongExpiredOrRevokedLinkGetsAPlainNotFoundPage() {
        String channel = newChannel();
        String name = "pg-" + channel.toLowerCase();
        String ada = newUser();
        clock.set(DigestTests.TUESDAY);
        post(channel, name, ada, "Update: secret client work 42 Next: more");
        var project = projectOf(channel);
        String good = tokenOf(digests.newLink(project, IsoWeek.parse("2026-W48").orElseThrow()));
        assertThat(get("/digests/" + good).body()).contains("secret client work 42");

        for (String wrong : new String[] {good.substring(0, 42) + (good.endsWith("A") ? "B" : "A"), "x", good + "A", ""}) {
            Page page = get("/digests/" + wrong);
            assertThat(page.status()).as("link %s", wrong).isEqualTo(404);
            assertThat(page.body()).contains("Not found").doesNotContain("secret client work").doesNotContain(name);
        }
        for (String broken : new String[] {"..%2F..%2Fetc%2Fpasswd", "%00", "a%20b"}) {
            Page page = get("/digests/" + broken);
            assertThat(page.status()).as("link %s", broken).isBetween(400, 404);
            assertThat(page.body()).doesNotContain("secret client work");
        }
        assertThat(get("/digests/" + good.toLowerCase()).status()).isEqualTo(404);

        clock.set(clock.instant().plus(Duration.ofDays(30)).plusSeconds(1));
        Page expired = get("/digests/" + good);
        assertThat(expired.status()).isEqualTo(404);
        assertThat(expired.body()).contains("Not found").doesNotContain("secret client work");

        clock.set(DigestTests.TUESDAY.plusSeconds(60));
        String another = tokenOf(digests.newLink(project, IsoWeek.parse("2026-W48").orElseThrow()));
        assertThat(get("/digests/" + another).status()).isEqualTo(200);
        // Two made here, and a third when the status canvas was drawn (it links the week's summary, docs/canvas.md).
        assertThat(slackRequests.command("/daybook", "digest revoke", channel, name, ada).text())
                .containsPattern("Revoked [23] links");
        assertThat(get("/digests/" + another).status()).isEqualTo(404);
        assertThat(slackRequests.command("/daybook", "digest revoke", channel, name, ada).text()).contains("nothing to revoke");

        String fresh = slackRequests.command("/daybook", "digest link", channel, name, ada).text();
        assertThat(fresh).contains("works for 30 days");
        // The test application has no DAYBOOK_PUBLIC_URL: whoever makes a link is told it opens nowhere else.
        assertThat(fresh).contains("http://localhost:8080/digests/").contains(":warning:").contains("set DAYBOOK_PUBLIC_URL");
        assertThat(get("/digests/" + tokenOf(fresh)).body()).contains("secret client work 42");
    }

    @Test
    void aLinkOpensItsOwnProjectsWeekAndNothingElse() {
        String acme = newChannel();
        String globex = newChannel();
        String ada = newUser();
        clock.set(DigestTests.TUESDAY);
        post(acme, "pg-" + acme.toLowerCase(), ada, "Update: acme invoices cleaned Next: more");
        post(globex, "pg-" + globex.toLowerCase(), ada, "Update: globex churn model Next: more");

        String acmeLink = tokenOf(digests.newLink(projectOf(acme), IsoWeek.parse("2026-W48").orElseThrow()));
        Page page = get("/digests/" + acmeLink);

        assertThat(page.body()).contains("acme invoices cleaned").doesNotContain("globex");
        // Another workspace's link is as good as any other: it opens only what it was made for.
        String otherWeek = tokenOf(digests.newLink(projectOf(acme), IsoWeek.parse("2026-W47").orElseThrow()));
        assertThat(get("/digests/" + otherWeek).body()).contains("No updates were posted this week.")
                .doesNotContain("acme invoices cleaned");
    }

    private dev.daybook.projects.Project projectOf(String channel) {
        return projects.byChannel(dev.daybook.testkit.FakeSlack.TEAM_ID, channel).orElseThrow();
    }

    @Autowired
    dev.daybook.projects.ProjectDirectory projects;

    private static String tokenOf(String text) {
        var m = DigestTests.LINK.matcher(text);
        assertThat(m.find()).as("a link in %s", text).isTrue();
        return m.group(1);
    }

    private dev.daybook.testkit.FakeSlack.Posted awaitSummary(String channel) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> slack.posted(channel).stream()
                .anyMatch(p -> p.text() != null && p.text().startsWith("Weekly summary")));
        return slack.posted(channel).stream().filter(p -> p.text().startsWith("Weekly summary")).findFirst().orElseThrow();
    }

    private void post(String channel, String name, String user, String text) {
        assertThat(slackRequests.command("/update", text, channel, name, user).text()).contains("Recorded");
    }

    record Page(int status, String body, java.net.http.HttpHeaders headers) {
        String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    private Page get(String path) {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(baseUrl() + path)).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Page(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

}
