package dev.daybook.runs;

import static dev.daybook.testkit.SlackRequests.textValue;
import static dev.daybook.testkit.SlackRequests.values;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import com.google.gson.JsonObject;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.daybook.digest.Digests;
import dev.daybook.projects.Project;
import dev.daybook.projects.ProjectDirectory;
import dev.daybook.testkit.FakeSlack;
import dev.daybook.testkit.SlackAppTest;
import dev.daybook.testkit.SlackRequests;

/**
 * A private channel's runs and goals are for its members: every surface that shows them answers a
 * non-member as {@code /daybook status} does, politely and without a name, a metric, a verifier or a
 * dispute reason.
 */
class PrivateRunsTests extends SlackAppTest {

    private static final String SECRET_RUN = "secret-ablation";
    private static final String SECRET_REASON = "leaked test labels";

    @Autowired
    RunService runs;

    @Autowired
    ProjectDirectory projects;

    @Autowired
    Digests digests;

    private String channel;
    private String name;
    private String ada;
    private String bob;
    private String eve;

    @BeforeEach
    void aPrivateProjectWithADisputedRun() {
        channel = newChannel();
        name = "priv-" + channel.toLowerCase();
        ada = newUser();
        bob = newUser();
        eve = newUser();
        slack.user(ada, "Ada", "UTC").user(bob, "Bob", "UTC").user(eve, "Eve", "UTC");
        slack.privateChannel(channel, name, ada, bob);
        clock.set(Instant.parse("2026-11-24T15:00:00Z"));
        slackRequests.command("/update", "Update: " + SECRET_RUN + " run:" + SECRET_RUN + " macro_f1=0.77 #secret-goal Next: x",
                channel, name, ada);
        FakeSlack.Posted check = CheckMessages.awaitCheck(slack, channel, 1);
        Project project = projects.byChannel(FakeSlack.TEAM_ID, channel).orElseThrow();
        RunView run = runs.byExternalId(FakeSlack.TEAM_ID, project.id(), SECRET_RUN).orElseThrow();
        slackRequests.viewSubmission(RunCheckActionsIds.DISPUTE_FORM, bob, values(RunCheckActionsIds.REASON,
                textValue(SECRET_REASON)), Long.toString(run.id()));
        Awaitility.await().atMost(Duration.ofSeconds(10))
                .until(() -> CheckMessages.now(slack, check).allText().contains(SECRET_REASON));
    }

    @Test
    void theRunsListOfAPrivateProjectIsRefusedToANonMemberAndShownToAMember() {
        String refused = slackRequests.command("/daybook", "runs " + name, newChannel(), "elsewhere", eve).body();

        assertThat(refused).contains("only its members").doesNotContain(SECRET_RUN).doesNotContain("macro_f1")
                .doesNotContain(SECRET_REASON).doesNotContain(bob).doesNotContain("0.77");
        assertThat(slackRequests.command("/daybook", "runs <#" + channel + "|" + name + ">", FakeSlack.dm(eve), "directmessage", eve)
                .body()).contains("only its members").doesNotContain(SECRET_RUN);

        String shown = slackRequests.command("/daybook", "runs " + name, newChannel(), "elsewhere", ada).body();
        assertThat(shown).contains(SECRET_RUN).contains(SECRET_REASON);
    }

    @Test
    void whenSlackCannotSayWhoMaySeeTheChannelNothingIsShown() {
        String other = newChannel();
        String otherName = "priv2-" + other.toLowerCase();
        slack.privateChannel(other, otherName, ada);
        slackRequests.command("/update", "Update: hidden run:hidden-1 auc=0.5 Next: x", other, otherName, ada);
        slack.in(other).failHttp("conversations.info", 3, 500);

        String answer = slackRequests.command("/daybook", "runs " + otherName, newChannel(), "elsewhere", eve).text();

        assertThat(answer).contains("couldn't check with Slack").doesNotContain("hidden-1");
    }

    @Test
    void questionsAndTheAppHomeShowNothingOfItToANonMember() {
        String dm = FakeSlack.dm(eve);
        slackRequests.event(SlackRequests.directMessage(eve, "best run for " + name, ts(clock.instant())));
        slackRequests.event(SlackRequests.directMessage(eve, name + " goals", ts(clock.instant().plusMillis(1))));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> slack.posted(dm).size() >= 2);
        assertThat(slack.posted(dm)).allSatisfy(p -> assertThat(p.allText()).contains("only its members")
                .doesNotContain(SECRET_RUN).doesNotContain("secret-goal").doesNotContain(SECRET_REASON));

        // Eve posted there once, and was then removed from the channel: her App Home no longer shows its summary
        Project project = projects.byChannel(FakeSlack.TEAM_ID, channel).orElseThrow();
        slackRequests.command("/update", "Update: helped with " + SECRET_RUN + " Next: leave", channel, name, eve);
        assertThat(digests.postNow(project, ada)).isEqualTo(Digests.PostNow.POSTING);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> digests.isDecided(project, digests.currentWeek(project)));
        assertThat(openHome(ada)).contains("Latest weekly summaries");

        String home = openHome(eve);
        assertThat(home).doesNotContain(SECRET_RUN).doesNotContain("Latest weekly summaries");
    }

    private String openHome(String user) {
        int before = slack.calls("views.publish", c -> user.equals(c.param("user_id"))).size();
        JsonObject event = new JsonObject();
        event.addProperty("type", "app_home_opened");
        event.addProperty("user", user);
        event.addProperty("channel", FakeSlack.dm(user));
        event.addProperty("tab", "home");
        event.addProperty("event_ts", ts(clock.instant()));
        assertThat(slackRequests.event(event).status()).isEqualTo(200);
        return slack.awaitCalls("views.publish", c -> user.equals(c.param("user_id")), before + 1).get(before)
                .json("view").toString();
    }
}
