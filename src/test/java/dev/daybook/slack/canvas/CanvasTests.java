package dev.daybook.slack.canvas;

import static dev.daybook.testkit.SlackRequests.optionValue;
import static dev.daybook.testkit.SlackRequests.values;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.daybook.canvas.CanvasMarkdown;
import dev.daybook.testkit.FakeSlack;
import dev.daybook.testkit.SlackAppTest;
import dev.daybook.testkit.SlackRequests.Answer;

/**
 * The "Project status" channel canvas, through /slack/events and the stand-in Slack: made with the
 * first update, kept in step (at most one edit per project per minute), rebuilt on demand, switched off
 * in settings, and what happens when Slack refuses.
 */
class CanvasTests extends SlackAppTest {

    private static final Instant TUESDAY = Instant.parse("2026-11-24T15:00:00Z");

    @Autowired
    CanvasUpkeep upkeep;

    @Autowired
    JdbcClient jdbc;

    @Test
    void theFirstUpdateMakesTheCanvasAndLaterOnesEditItAtMostOncePerMinute() {
        clock.set(TUESDAY);
        String channel = newChannel();
        String ada = person("Ada Lovelace");
        String bob = person("Bob Babbage");
        update(channel, ada, "Update: built the cleaning step Next: rerun the baseline Blockers: need the label guide");

        FakeSlack.Canvas made = slack.awaitCanvas(channel, c -> true).orElseThrow();
        assertThat(made.title()).isEqualTo("Project status");
        assertThat(made.daybooks()).isTrue();
        assertThat(made.markdown()).contains("# Project status · cv\\-").contains("### Ada Lovelace · Tue 24 Nov")
                .contains("- built the cleaning step").contains("- rerun the baseline")
                .contains("- need the label guide · **Ada Lovelace** · open since today")
                .contains("[This week's summary](http");
        assertThat(slack.canvasCalls("conversations.canvases.create", channel)).hasSize(1);

        // Within the minute: counted, not edited.
        update(channel, bob, "Update: wrote the eval notes Next: review the eval");
        update(channel, ada, "Update: built the cleaning step; fixed the currencies Next: rerun the baseline Blockers: need the label guide");
        awaitWorkDone(channel);
        assertThat(upkeep.editDueNow()).isZero();
        assertThat(slack.canvasOf(channel).orElseThrow().writes()).isEqualTo(1);

        // A minute later one edit shows both changes.
        clock.advance(Duration.ofSeconds(61));
        upkeep.editDueNow();
        FakeSlack.Canvas edited = slack.awaitCanvas(channel, c -> c.writes() == 2).orElseThrow();
        assertThat(edited.id()).isEqualTo(made.id());
        assertThat(edited.markdown()).contains("### Bob Babbage").contains("fixed the currencies")
                .containsOnlyOnce("# Project status");
        assertThat(slack.canvasCalls("canvases.edit", channel)).hasSize(1);
        assertThat(slack.canvasCalls("canvases.edit", channel).get(0).param("changes"))
                .contains("\"operation\":\"replace\"").doesNotContain("section_id");
        assertThat(upkeep.editDueNow()).as("nothing left to show").isZero();

        // The next change after the minute is shown at once.
        clock.advance(Duration.ofSeconds(61));
        update(channel, bob, "Update: wrote the eval notes; reviewed it Next: review the eval; ship");
        assertThat(slack.awaitCanvas(channel, c -> c.writes() == 3).orElseThrow().markdown()).contains("reviewed it");
        assertThat(slack.canvasCalls("conversations.canvases.create", channel)).hasSize(1);
    }

    @Test
    void twoInstancesSweepingAtOnceMakeOneEdit() throws Exception {
        clock.set(TUESDAY);
        String channel = newChannel();
        String ada = person("Ada Lovelace");
        update(channel, ada, "Update: one Next: two");
        slack.awaitCanvas(channel, c -> true);
        update(channel, ada, "Update: one; three Next: two");
        awaitWorkDone(channel);
        clock.advance(Duration.ofSeconds(61));

        CountDownLatch start = new CountDownLatch(1);
        CompletableFuture<?>[] sweeps = new CompletableFuture<?>[4];
        for (int i = 0; i < sweeps.length; i++) {
            sweeps[i] = CompletableFuture.runAsync(() -> {
                try {
                    start.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                upkeep.editDueNow();
            });
        }
        start.countDown();
        CompletableFuture.allOf(sweeps).get();

        assertThat(slack.canvasOf(channel).orElseThrow().writes()).isEqualTo(2);
        assertThat(slack.canvasCalls("canvases.edit", channel)).hasSize(1);
        assertThat(slack.canvasOf(channel).orElseThrow().markdown()).contains("- three");
    }

    @Test
    void aRateLimitedEditWaitsForRetryAfterAndThenShowsTheLatest() {
        clock.set(TUESDAY);
        String channel = newChannel();
        String ada = person("Ada Lovelace");
        update(channel, ada, "Update: one Next: two");
        slack.awaitCanvas(channel, c -> true);
        clock.advance(Duration.ofSeconds(61));

        slack.in(channel).rateLimit("canvases.edit", 1, 120);
        update(channel, ada, "Update: one; after the limit Next: two");
        awaitWorkDone(channel);
        await(() -> !slack.canvasCalls("canvases.edit", channel).isEmpty()); // the next look for due edits
        assertThat(slack.canvasOf(channel).orElseThrow().writes()).isEqualTo(1);

        clock.advance(Duration.ofSeconds(61));
        assertThat(upkeep.editDueNow()).as("Retry-After has not passed").isZero();
        clock.advance(Duration.ofSeconds(61));
        upkeep.editDueNow();
        assertThat(slack.awaitCanvas(channel, c -> c.writes() == 2).orElseThrow().markdown()).contains("- after the limit");
        slack.clearFaults();
    }

    @Test
    void aLostAnswerToTheCreateNeverMakesTwoCanvases() {
        clock.set(TUESDAY);
        String channel = newChannel();
        String ada = person("Ada Lovelace");
        slack.in(channel).acceptThenFail("conversations.canvases.create", 1);
        update(channel, ada, "Update: one Next: two");
        awaitWorkDone(channel);
        String id = slack.awaitCanvas(channel, c -> true).orElseThrow().id();

        clock.advance(Duration.ofSeconds(10));
        upkeep.editDueNow();
        FakeSlack.Canvas canvas = slack.awaitCanvas(channel, c -> c.writes() == 2).orElseThrow();
        assertThat(canvas.id()).isEqualTo(id);
        assertThat(slack.canvasCalls("conversations.canvases.create", channel)).hasSize(2);
        assertThat(slack.canvasCalls("canvases.sections.lookup", channel)).hasSize(1);
    }

    @Test
    void aCanvasPeopleMadeIsLeftAloneAndTheSettingsSaySo() {
        clock.set(TUESDAY);
        String channel = newChannel();
        String ada = person("Ada Lovelace");
        slack.peopleCanvas(channel, "# Our notes\nplease keep");
        update(channel, ada, "Update: one Next: two");
        awaitWorkDone(channel);
        await(() -> !slack.canvasCalls("conversations.info", channel).isEmpty()
                && !slack.canvasCalls("canvases.sections.lookup", channel).isEmpty());

        assertThat(settingsForm(channel, ada)).contains("a canvas of its own").contains("Off: no status canvas");
        FakeSlack.Canvas theirs = slack.canvasOf(channel).orElseThrow();
        assertThat(theirs.markdown()).isEqualTo("# Our notes\nplease keep");
        assertThat(theirs.writes()).isEqualTo(1);
        assertThat(slack.canvasCalls("canvases.edit", channel)).isEmpty();
    }

    @Test
    void aDeletedCanvasIsMadeAgainOnceAndTheSecondTimeSwitchedOffWithANote() {
        clock.set(TUESDAY);
        String channel = newChannel();
        String ada = person("Ada Lovelace");
        update(channel, ada, "Update: one Next: two");
        String first = slack.awaitCanvas(channel, c -> true).orElseThrow().id();

        slack.deleteCanvas(channel);
        clock.advance(Duration.ofSeconds(61));
        update(channel, ada, "Update: one; again Next: two");
        FakeSlack.Canvas second = slack.awaitCanvas(channel, c -> !c.id().equals(first)).orElseThrow();
        assertThat(second.markdown()).contains("- again");

        slack.deleteCanvas(channel);
        clock.advance(Duration.ofSeconds(61));
        update(channel, ada, "Update: one; again; and again Next: two");
        awaitWorkDone(channel);
        await(() -> slack.canvasCalls("canvases.edit", channel).size() >= 2);
        assertThat(slack.canvasOf(channel)).isEmpty();
        assertThat(slack.canvasCalls("conversations.canvases.create", channel)).hasSize(2);
        assertThat(settingsForm(channel, ada)).contains("deleted in Slack twice");

        // Switched on again in settings: made anew.
        Answer saved = saveSettings(channel, ada, CanvasSettingsSection.ON);
        assertThat(saved.body()).contains("Saved the settings");
        upkeep.editDueNow();
        assertThat(slack.awaitCanvas(channel, c -> true).orElseThrow().markdown()).contains("- and again");
    }

    @Test
    void aPlanWithoutChannelCanvasesIsSaidOnceInSettingsAndEverythingElseCarriesOn() {
        clock.set(TUESDAY);
        String team = FakeSlack.TEAM_ID;
        String channel = newChannel();
        String ada = person("Ada Lovelace");
        try {
            slack.in(channel).failWith("conversations.canvases.create", 1, "team_tier_cannot_create_channel_canvases");
            update(channel, ada, "Update: one Next: two");
            slack.awaitPosted(channel, 1);
            awaitWorkDone(channel);
            await(() -> !slack.canvasCalls("conversations.canvases.create", channel).isEmpty());

            assertThat(settingsForm(channel, ada)).contains("Slack plan has no channel canvases")
                    .contains("team_tier_cannot_create_channel_canvases");
            clock.advance(Duration.ofSeconds(61));
            update(channel, ada, "Update: one; more Next: two");
            awaitWorkDone(channel);
            upkeep.editDueNow();
            assertThat(slack.canvasCalls("conversations.canvases.create", channel)).as("not asked again").hasSize(1);
            assertThat(slack.posted(channel).get(slack.posted(channel).size() - 1).allText()).contains("more");

            // After an upgrade, a rebuild asks again.
            Answer rebuild = slackRequests.command("/daybook", "canvas", channel, "cv", ada);
            assertThat(rebuild.text()).contains("Rebuilding the *Project status* canvas");
            assertThat(slack.awaitCanvas(channel, c -> true).orElseThrow().markdown()).contains("- more");
        } finally {
            jdbc.sql("delete from canvas_workspace where team_id = ?").param(team).update();
        }
    }

    @Test
    void anOptedOutProjectGetsNoCanvasEdits() {
        clock.set(TUESDAY);
        String channel = newChannel();
        String ada = person("Ada Lovelace");
        update(channel, ada, "Update: one Next: two");
        slack.awaitCanvas(channel, c -> true);

        assertThat(saveSettings(channel, ada, CanvasSettingsSection.OFF).body()).contains("Saved the settings");
        clock.advance(Duration.ofSeconds(61));
        update(channel, ada, "Update: one; private now Next: two");
        awaitWorkDone(channel);
        upkeep.editDueNow();
        assertThat(slack.canvasCalls("canvases.edit", channel)).isEmpty();
        assertThat(slackRequests.command("/daybook", "canvas", channel, "cv", ada).text()).contains("switched off");
        assertThat(settingsForm(channel, ada)).contains("\"value\":\"off\"");
    }

    @Test
    void theCanvasCommandRebuildsInAProjectAndAnswersPolitelyElsewhere() {
        clock.set(TUESDAY);
        String channel = newChannel();
        String ada = person("Ada Lovelace");
        assertThat(slackRequests.command("/daybook", "canvas", channel, "cv", ada).text()).contains("no project");
        update(channel, ada, "Update: one Next: two");
        slack.awaitCanvas(channel, c -> true);

        assertThat(slackRequests.command("/daybook", "canvas please <!channel>", channel, "cv", ada).text())
                .contains("takes nothing after it").doesNotContain("<!channel>");
        // Within the minute, on demand: rebuilt at once.
        assertThat(slackRequests.command("/daybook", "canvas", channel, "cv", ada).text()).contains("Rebuilding");
        assertThat(slack.awaitCanvas(channel, c -> c.writes() == 2).orElseThrow().markdown())
                .contains(CanvasMarkdown.MARK);
        assertThat(slackRequests.command("/daybook", "help", channel, "cv", ada).text()).contains("/daybook canvas");
    }

    @Test
    void aRefusedEditIsNotedAndTriedAgainWithTheNextChange() {
        clock.set(TUESDAY);
        String channel = newChannel();
        String ada = person("Ada Lovelace");
        update(channel, ada, "Update: one Next: two");
        slack.awaitCanvas(channel, c -> true);
        clock.advance(Duration.ofSeconds(61));

        slack.in(channel).failWith("canvases.edit", 1, "restricted_action");
        update(channel, ada, "Update: one; refused Next: two");
        awaitWorkDone(channel);
        await(() -> !slack.canvasCalls("canvases.edit", channel).isEmpty());
        assertThat(settingsForm(channel, ada)).contains("restricted_action");
        clock.advance(Duration.ofSeconds(61));
        assertThat(upkeep.editDueNow()).as("the refused change is not retried in a loop").isZero();

        update(channel, ada, "Update: one; refused; accepted Next: two");
        assertThat(slack.awaitCanvas(channel, c -> c.writes() == 2).orElseThrow().markdown()).contains("accepted");
    }

    private String person(String name) {
        String user = newUser();
        slack.user(user, name, "Europe/London");
        return user;
    }

    private void update(String channel, String user, String text) {
        slack.channel(channel, "cv-" + channel.toLowerCase());
        Answer answer = slackRequests.command("/update", text, channel, "cv-" + channel.toLowerCase(), user);
        assertThat(answer.text()).containsAnyOf("Recorded", "Revised");
        // Its canvas work (and everything else it set going) is done before the test moves the clock.
        awaitWorkDone(channel);
    }

    private String settingsForm(String channel, String user) {
        int before = slack.calls("views.open", c -> c.param("view").contains(channel)).size();
        slackRequests.command("/daybook", "settings", channel, "cv", user);
        return slack.awaitCalls("views.open", c -> c.param("view").contains(channel), before + 1).get(before).param("view");
    }

    private Answer saveSettings(String channel, String user, String keep) {
        return slackRequests.viewSubmission("daybook_settings", user, values(
                "default_category", optionValue("static_select", "CORE"),
                "share_mode", optionValue("radio_buttons", "CHANNEL"),
                CanvasSettingsSection.KEEP, optionValue("static_select", keep)), channel);
    }

    /**
     * The update's work done, and its canvas edit too: that edit is the upkeep's (the update only counts
     * the change), so the edit due now is taken here, or awaited where the scheduled upkeep took it.
     */
    @Override
    protected void awaitWorkDone(String... ids) {
        super.awaitWorkDone(ids);
        await(() -> upkeep.editDueNow() == 0 && java.util.Arrays.stream(ids).allMatch(channel -> jdbc.sql(
                "select count(*) from project_canvas where channel_id = ? and claim_token is not null")
                .param(channel).query(Long.class).single() == 0));
    }

    private static void await(java.util.concurrent.Callable<Boolean> condition) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(20)).until(condition);
    }
}
