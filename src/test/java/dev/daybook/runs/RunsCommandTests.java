package dev.daybook.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import dev.daybook.testkit.SlackAppTest;

/** {@code /daybook runs [project]}: recent runs with their metrics and verification state. */
class RunsCommandTests extends SlackAppTest {

    @Test
    void listsTheRunsOfTheChannelOrOfANamedProject() {
        String channel = newChannel();
        String name = "cmd-" + channel.toLowerCase();
        String ada = newUser();
        slack.user(ada, "Ada", "UTC");
        clock.set(Instant.parse("2026-11-23T17:00:00Z"));
        assertThat(slackRequests.command("/daybook", "runs", newChannel(), "random", ada).text()).contains("not a project");

        slackRequests.command("/update", "Update: setup Next: train", channel, name, newUser());
        assertThat(slackRequests.command("/daybook", "runs", channel, name, ada).text()).contains("No runs in #" + name);

        slackRequests.command("/update", "Update: auc=0.91 run:r1 Next: more", channel, name, ada);
        Awaitility.await().atMost(Duration.ofSeconds(15)).until(() ->
                slackRequests.command("/daybook", "runs", channel, name, ada).text().contains("r1"));

        String here = slackRequests.command("/daybook", "runs", channel, name, ada).text();
        assertThat(here).contains("Recent runs in #" + name).contains("`r1`").contains("auc 0.91").contains("unverified");
        assertThat(slackRequests.command("/daybook", "runs #" + name, newChannel(), "random", ada).text()).contains("`r1`");
        assertThat(slackRequests.command("/daybook", "runs <#" + channel + "|" + name + ">", newChannel(), "random", ada).text())
                .contains("`r1`");
        assertThat(slackRequests.command("/daybook", "runs <b>nope</b>", channel, name, ada).text())
                .contains("I know no project called `&lt;b&gt;nope&lt;/b&gt;`");
        assertThat(slackRequests.command("/daybook", "runs " + "x".repeat(2_000), channel, name, ada).text())
                .contains("I know no project called").hasSizeLessThan(300);
    }
}
