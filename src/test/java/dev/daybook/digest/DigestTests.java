package dev.daybook.digest;

import static dev.daybook.testkit.SlackRequests.timeValue;
import static dev.daybook.testkit.SlackRequests.conversationValue;
import static dev.daybook.testkit.SlackRequests.optionValue;
import static dev.daybook.testkit.SlackRequests.textValue;
import static dev.daybook.testkit.SlackRequests.values;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.daybook.testkit.FakeSlack;
import dev.daybook.testkit.SlackAppTest;
import dev.daybook.testkit.SlackRequests.Answer;

/** The weekly stakeholder summary: its sections from real updates, the schedule, preview and post, the API. */
class DigestTests extends SlackAppTest {

    static final Instant TUESDAY = Instant.parse("2026-11-24T17:00:00Z");
    static final Instant WEDNESDAY = Instant.parse("2026-11-25T17:00:00Z");
    static final Instant FRIDAY_DUE = Instant.parse("2026-11-27T16:00:00Z");
    static final Pattern LINK = Pattern.compile("/digests/([A-Za-z0-9_-]{43})");

    @Autowired
    Digests digests;

    @AfterEach
    void calm() {
        slack.clearFaults();
    }

    @Test
    void fridayAtFourTheWeekIsSummarisedFromWhatWasPosted() {
        String channel = newChannel();
        String name = "dg-" + channel.toLowerCase();
        String ada = newUser();
        String bob = newUser();
        slack.user(ada, "Ada", "Europe/London").user(bob, "Bob", "Europe/London");
        clock.set(TUESDAY);
        post(channel, name, ada, """
                Update:
                - ULMFiT baseline: val F1 0.87 (run mlflow:1a2b3c) [core 3h]
                - tidied the notebook
                Next:
                - fix the currency mismatch
                Blockers:
                - need the client's label guide for the "other" class""");
        post(channel, name, bob, "Update: read a paper on label noise [learning 1h] Next: try it");
        clock.set(WEDNESDAY);
        post(channel, name, ada, "Update: fixed the currency mismatch in 12% of rows [core 2h] Next: rerun the baseline; write the report");

        clock.set(FRIDAY_DUE.minusSeconds(60));
        digests.sendDue(clock.instant());
        clock.set(FRIDAY_DUE.plusSeconds(20));
        digests.sendDue(clock.instant());
        digests.sendDue(clock.instant().plusSeconds(60));

        FakeSlack.Posted summary = awaitSummaries(channel, 1).get(0);
        String all = summary.allText();
        assertThat(summary.text()).isEqualTo("Weekly summary · " + name + " · 23–29 Nov 2026");
        assertThat(all).contains("Week 2026-W48").contains("3 updates")
                .contains("*Highlights*").contains("ULMFiT baseline: val F1 0.87 (run mlflow:1a2b3c) — Ada, Tue")
                .contains("fixed the currency mismatch in 12% of rows — Ada, Wed")
                .contains("read a paper on label noise — Bob, Tue")
                .contains("*Blockers and asks*").contains("need the client").contains("label guide for the")
                .contains("*Next week*").contains("*Ada*: rerun the baseline; write the report").contains("*Bob*: try it")
                .contains("*Time: 70/20/10*").contains("target 70%")
                .contains("*Who posted*").contains("Ada 2 days · Bob 1 day")
                .contains("/digests/")
                .doesNotContain("fix the currency mismatch\"") // Ada's older Next is not her plan any more
                .doesNotContain("Posted late");
        assertThat(all).doesNotContain("tidied the notebook"); // only the significant items are highlights
        awaitWorkDone(channel, "ScheduledMessageDue");
        assertThat(summaries(channel)).hasSize(1);
    }

    @Test
    void aWeekWithoutUpdatesGetsAShortSummary() {
        String channel = newChannel();
        String name = "dg-" + channel.toLowerCase();
        String ada = newUser();
        slack.user(ada, "Ada", "UTC");
        clock.set(Instant.parse("2026-11-17T17:00:00Z")); // the week before
        post(channel, name, ada, "Update: something Next: more");

        clock.set(FRIDAY_DUE.plusSeconds(5));
        digests.sendDue(clock.instant());

        String all = awaitSummaries(channel, 1).get(0).allText();
        assertThat(all).contains("0 updates").contains("No updates were posted this week.").doesNotContain("*Highlights*");
    }

    @Test
    void aProjectThatStartedAfterTheWeekGetsNoSummaryForIt() {
        String channel = newChannel();
        String ada = newUser();
        clock.set(Instant.parse("2026-11-28T10:00:00Z")); // Saturday, after Friday's time
        post(channel, "dg-" + channel.toLowerCase(), ada, "Update: first day Next: more");

        digests.sendDue(Instant.parse("2026-11-28T10:01:00Z"));

        awaitWorkDone(channel, "ScheduledMessageDue");
        assertThat(summaries(channel)).isEmpty();
    }

    @Test
    void theServiceDownAtTheScheduledTimePostsOnceWhenBackMarkedLate() {
        String channel = newChannel();
        String name = "dg-" + channel.toLowerCase();
        String ada = newUser();
        clock.set(TUESDAY);
        post(channel, name, ada, "Update: trained the model, val F1 0.91 Next: ship");

        // Down from Friday afternoon until Saturday morning: no check ran at 16:00.
        clock.set(Instant.parse("2026-11-28T09:00:00Z"));
        digests.sendDue(clock.instant());
        digests.sendDue(clock.instant().plusSeconds(60));
        clock.set(Instant.parse("2026-11-28T09:05:00Z"));
        digests.sendDue(clock.instant());

        String all = awaitSummaries(channel, 1).get(0).allText();
        assertThat(all).contains("Posted late: it was due Fri 27 Nov 16:00 (UTC)").contains("trained the model");
        awaitWorkDone(channel, "ScheduledMessageDue");
        assertThat(summaries(channel)).hasSize(1);
    }

    @Test
    void aSummaryMissedForLongerThanTheCatchUpWindowIsNotPosted() {
        String channel = newChannel();
        String ada = newUser();
        clock.set(TUESDAY);
        post(channel, "dg-" + channel.toLowerCase(), ada, "Update: work Next: more");

        clock.set(Instant.parse("2026-12-01T09:00:00Z")); // four days later: too stale to be news
        assertThat(digests.sendDue(clock.instant())).isZero();
        awaitWorkDone(channel, "ScheduledMessageDue");
        assertThat(summaries(channel)).isEmpty();
    }

    @Test
    void slackAnswering500ThenOkStillPostsOnce() {
        String channel = newChannel();
        String ada = newUser();
        clock.set(TUESDAY);
        post(channel, "dg-" + channel.toLowerCase(), ada, "Update: work with 3 numbers Next: more");
        slack.awaitPosted(channel, 1);
        slack.in(channel).failHttp("chat.postMessage", 2, 500);

        clock.set(FRIDAY_DUE.plusSeconds(5));
        digests.sendDue(clock.instant());

        awaitSummaries(channel, 1);
        awaitWorkDone(channel, "ScheduledMessageDue");
        assertThat(summaries(channel)).hasSize(1);
        assertThat(slack.callsTo("chat.postMessage", channel)).hasSizeGreaterThanOrEqualTo(3);
    }

    @Test
    void aCrashAfterSlackPostedButBeforeItWasRecordedDoesNotPostTwice() {
        String channel = newChannel();
        String ada = newUser();
        clock.set(TUESDAY);
        post(channel, "dg-" + channel.toLowerCase(), ada, "Update: work Next: more");
        slack.awaitPosted(channel, 1);
        // Slack keeps the message but its answer is lost, as when the instance dies before recording it.
        slack.in(channel).acceptThenFail("chat.postMessage", 1);

        clock.set(FRIDAY_DUE.plusSeconds(5));
        digests.sendDue(clock.instant());

        awaitSummaries(channel, 1);
        Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> !slack.callsTo("conversations.history", channel).isEmpty());
        awaitWorkDone(channel, "ScheduledMessageDue");
        assertThat(summaries(channel)).hasSize(1);
    }

    @Test
    void aDigestChannelDaybookIsNotInIsGivenUpOnNotRetriedForever() {
        String channel = newChannel();
        String ada = newUser();
        clock.set(TUESDAY);
        post(channel, "dg-" + channel.toLowerCase(), ada, "Update: work Next: more");
        slack.awaitPosted(channel, 1);
        slack.in(channel).failWith("chat.postMessage", 5, "not_in_channel");

        clock.set(FRIDAY_DUE.plusSeconds(5));
        digests.sendDue(clock.instant());

        long projectId = projects.byChannel(FakeSlack.TEAM_ID, channel).orElseThrow().id();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> "refused".equals(jdbc.query(
                "select coalesce(outcome, '') from scheduled_dispatch where user_id = ? and kind = 'digest:weekly'",
                (rs, n) -> rs.getString(1), Digests.dispatcher(projectId)).stream().findFirst().orElse(null)));
        awaitWorkDone(channel, "ScheduledMessageDue");
        assertThat(summaries(channel)).isEmpty();
        assertThat(slack.callsTo("chat.postMessage", channel).stream()
                .filter(c -> c.param("text") != null && c.param("text").startsWith("Weekly summary"))).hasSize(1);
    }

    @Autowired
    dev.daybook.projects.ProjectDirectory projects;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate jdbc;

    @Test
    void previewIsPrivateAndPostSendsItOnceForTheWeek() {
        String channel = newChannel();
        String name = "dg-" + channel.toLowerCase();
        String ada = newUser();
        slack.user(ada, "Ada", "UTC");
        clock.set(TUESDAY);
        post(channel, name, ada, "Update: cleaned 3k invoices Next: label them");
        slack.awaitPosted(channel, 1);

        Answer preview = slackRequests.command("/daybook", "digest preview", channel, name, ada);
        assertThat(preview.json().get("response_type").getAsString()).isEqualTo("ephemeral");
        assertThat(preview.body()).contains("Preview, only you can see it").contains("cleaned 3k invoices")
                .contains("on Friday at 16:00 (UTC)").doesNotContain("/digests/");
        awaitWorkDone(channel, "ScheduledMessageDue");
        assertThat(summaries(channel)).isEmpty();

        assertThat(slackRequests.command("/daybook", "digest post", channel, name, ada).text())
                .contains("Posting the summary of week 2026-W48");
        assertThat(awaitSummaries(channel, 1).get(0).allText()).contains("cleaned 3k invoices");
        assertThat(slackRequests.command("/daybook", "digest post", channel, name, ada).text())
                .contains("has been posted").contains("already");

        // The schedule does not post the week a second time.
        clock.set(FRIDAY_DUE.plusSeconds(5));
        digests.sendDue(clock.instant());
        awaitWorkDone(channel, "ScheduledMessageDue");
        assertThat(summaries(channel)).hasSize(1);
    }

    @Test
    void digestCommandsOutsideAProjectOrUnknownAreAnsweredPolitely() {
        String user = newUser();
        assertThat(slackRequests.command("/daybook", "digest preview", newChannel(), "random", user).text())
                .contains("not a project yet");
        String channel = newChannel();
        post(channel, "dg-" + channel.toLowerCase(), user, "Update: a Next: b");
        assertThat(slackRequests.command("/daybook", "digest shout", channel, "x", user).text())
                .contains("I don't know `digest shout`").contains("/daybook digest preview");
        assertThat(slackRequests.command("/daybook", "digest link 2026-W99", channel, "x", user).text())
                .contains("like `2026-W48`");
    }

    @Test
    void theDigestChannelDayAndTimeAreSetInProjectSettings() {
        String channel = newChannel();
        String digestChannel = newChannel();
        String name = "dg-" + channel.toLowerCase();
        String lead = newUser();
        clock.set(TUESDAY);
        post(channel, name, lead, "Update: set things up Next: more");
        slack.awaitPosted(channel, 1);

        slackRequests.command("/daybook", "settings", channel, name, lead);
        String form = slack.awaitCalls("views.open", c -> c.param("view").contains(channel), 1).get(0).param("view");
        assertThat(form).contains("digest_channel").contains("digest_day").contains("digest_time").contains("16:00");

        Answer badTime = slackRequests.viewSubmission("daybook_settings", lead, values(
                "default_category", optionValue("static_select", "CORE"),
                "share_mode", optionValue("radio_buttons", "CHANNEL"),
                "digest_channel", conversationValue(digestChannel),
                "digest_day", optionValue("static_select", "THURSDAY"),
                "digest_time", timeValue("25:99")), channel);
        assertThat(badTime.json().get("response_action").getAsString()).isEqualTo("errors");
        assertThat(badTime.json().getAsJsonObject("errors").get("digest_time").getAsString()).contains("16:00");

        Answer directMessage = slackRequests.viewSubmission("daybook_settings", lead, values(
                "default_category", optionValue("static_select", "CORE"),
                "share_mode", optionValue("radio_buttons", "CHANNEL"),
                "digest_channel", conversationValue("D0123ABCD"),
                "digest_day", optionValue("static_select", "FUNDAY"),
                "digest_time", timeValue("16:00")), channel);
        assertThat(directMessage.json().getAsJsonObject("errors").get("digest_channel").getAsString()).contains("not a direct message");
        assertThat(directMessage.json().getAsJsonObject("errors").get("digest_day").getAsString()).contains("Pick the day");

        Answer saved = slackRequests.viewSubmission("daybook_settings", lead, values(
                "default_category", optionValue("static_select", "CORE"),
                "share_mode", optionValue("radio_buttons", "CHANNEL"),
                "time_zone", textValue("Europe/Berlin"),
                "digest_channel", conversationValue(digestChannel),
                "digest_day", optionValue("static_select", "THURSDAY"),
                "digest_time", timeValue("09:30")), channel);
        assertThat(saved.body()).contains("Saved the settings");

        // Thursday 09:30 in Berlin is 08:30 UTC.
        assertThat(digests.sendDue(Instant.parse("2026-11-26T08:29:00Z"))).isZero();
        digests.sendDue(Instant.parse("2026-11-26T08:30:10Z"));
        assertThat(awaitSummaries(digestChannel, 1).get(0).allText()).contains("set things up");
        awaitWorkDone(channel, "ScheduledMessageDue");
        assertThat(summaries(channel)).isEmpty();
    }

    @Test
    void markdownForEmailNeedsTheTokenAndAnExistingProjectAndWeek() {
        String channel = newChannel();
        String name = "dg-" + channel.toLowerCase();
        String ada = newUser();
        slack.user(ada, "Ada", "UTC");
        clock.set(TUESDAY);
        post(channel, name, ada, "Update:\n- tuned learning_rate to 2e-4\nNext:\n- more\nBlockers:\n- waiting for data");

        Answer md = apiGet("/api/v1/digests/" + name + "/2026-W48.md");
        assertThat(md.status()).isEqualTo(200);
        assertThat(md.body()).startsWith("# Weekly summary · " + name + " · 23–29 Nov 2026")
                .contains("## Highlights").contains("tuned learning\\_rate to 2e-4 — Ada, Tue")
                .contains("## Blockers and asks").contains("- waiting for data — Ada, open 0 days")
                .contains("## Next week").contains("**Ada**: more")
                .contains("## Time: 70/20/10").contains("## Who posted").contains("Ada (1 day)");

        assertThat(apiGet("/api/v1/digests/" + name + "/2026-W49.md").body()).contains("No updates were posted this week.");
        assertThat(apiGet("/api/v1/digests/" + name + "/2026-W48.md", null).status()).isEqualTo(401);
        assertThat(apiGet("/api/v1/digests/" + name + "/2026-W48.md", "wrong-token").status()).isEqualTo(401);
        assertThat(apiGet("/api/v1/digests/no-such-project/2026-W48.md").status()).isEqualTo(404);
        Answer badWeek = apiGet("/api/v1/digests/" + name + "/2026-W99.md");
        assertThat(badWeek.status()).isEqualTo(400);
        assertThat(badWeek.body()).contains("2026-W48");
        assertThat(apiGet("/api/v1/digests/" + name + "/last-week.md").status()).isEqualTo(400);
    }

    @Test
    void blockersResolvedDuringTheWeekAreCountedNotListed() {
        String channel = newChannel();
        String name = "dg-" + channel.toLowerCase();
        String ada = newUser();
        slack.user(ada, "Ada", "UTC");
        clock.set(TUESDAY);
        post(channel, name, ada, "Update:\n- a\nBlockers:\n- need GPUs\n- label guide");
        clock.set(WEDNESDAY);
        post(channel, name, ada, "Update:\n- b\nBlockers:\n- label guide");
        clock.set(Instant.parse("2026-11-28T12:00:00Z"));

        String md = apiGet("/api/v1/digests/" + name + "/2026-W48.md").body();

        assertThat(md).contains("## Blockers and asks\n\n- label guide — Ada, open 4 days\n\n_1 blocker reported this week and resolved since_")
                .doesNotContain("need GPUs");
    }

    private void post(String channel, String name, String user, String text) {
        assertThat(slackRequests.command("/update", text, channel, name, user).text()).contains("Recorded");
    }

    List<FakeSlack.Posted> summaries(String channel) {
        return slack.posted(channel).stream().filter(p -> p.text() != null && p.text().startsWith("Weekly summary")).toList();
    }

    List<FakeSlack.Posted> awaitSummaries(String channel, int count) {
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> summaries(channel).size() >= count);
        return summaries(channel);
    }

    static String token(FakeSlack.Posted posted) {
        Matcher m = LINK.matcher(posted.allText());
        assertThat(m.find()).as("a link to the web page in %s", posted.allText()).isTrue();
        return m.group(1);
    }


}
