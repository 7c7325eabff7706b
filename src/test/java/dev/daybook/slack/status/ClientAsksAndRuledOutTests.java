package dev.daybook.slack.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonObject;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.daybook.clientasks.ClientAskNudges;
import dev.daybook.projects.Project;
import dev.daybook.projects.ProjectDirectory;
import dev.daybook.projects.ProjectLeads;
import dev.daybook.slack.blockkit.BlockerButtons;
import dev.daybook.testkit.FakeSlack;
import dev.daybook.testkit.SlackAppTest;
import dev.daybook.testkit.SlackRequests;
import dev.daybook.testkit.SlackRequests.Answer;
import dev.daybook.updates.Blockers;
import dev.daybook.updates.OpenBlocker;

/**
 * What didn't work and what the client owes us, through /slack/events: the acknowledgement, the shared
 * update's buttons, status and questions, the weekly summary, the lead's nudge, and bad presses.
 */
class ClientAsksAndRuledOutTests extends SlackAppTest {

    private static final LocalDate MONDAY = LocalDate.parse("2026-11-23");

    @Autowired
    ProjectDirectory projects;

    @Autowired
    ProjectLeads leads;

    @Autowired
    Blockers blockers;

    @Autowired
    ClientAskNudges nudges;

    private record Team(String channel, String name, String ada, String bob, Project project) {
    }

    /** Ada posts on Monday: one thing ruled out, a blocker waiting on the client and one that is not. */
    private Team team(String prefix) {
        String channel = newChannel();
        String name = prefix + "-" + channel.toLowerCase().substring(1, 7);
        String ada = newUser();
        String bob = newUser();
        slack.user(ada, "Ada Lovelace", "UTC").user(bob, "Bob Builder", "UTC").members(channel, ada, bob);
        clock.set(Instant.parse(MONDAY + "T15:00:00Z"));
        Answer answer = slackRequests.command("/update", """
                Update:
                - trained the baseline run:b1 f1=0.80
                Didn't work:
                - focal loss, no gain over CE run:fl2 f1=0.79
                Next:
                - try label smoothing
                Blockers:
                - need access to the prod bucket [client]
                - flaky CI
                """, channel, name, ada);
        assertThat(answer.text()).contains("Recorded").contains("1 done, 1 ruled out, 1 next, 2 blockers (1 waiting on the client)");
        Project project = projects.byChannel(FakeSlack.TEAM_ID, channel).orElseThrow();
        return new Team(channel, name, ada, bob, project);
    }

    private OpenBlocker blocker(Team team, String text) {
        return blockers.openBlockers(FakeSlack.TEAM_ID, team.project().id()).stream()
                .filter(b -> b.text().contains(text)).findFirst().orElseThrow();
    }

    private String press(String actionId, String value, String user, Team team) {
        String url = slack.responseUrl(actionId + "-" + user + "-" + System.nanoTime());
        String id = url.substring(url.lastIndexOf('/') + 1);
        Answer answer = slackRequests.ephemeralBlockAction(actionId, value, user, team.channel(), url);
        assertThat(answer.status()).isEqualTo(200);
        return Awaitility.await().until(() -> slack.responses(id), r -> !r.isEmpty()).get(0).param("text");
    }

    @Test
    void theSharedUpdateShowsWhatWasRuledOutAndButtonsForItsBlockers() {
        Team team = team("share");

        String shared = Awaitility.await().until(() -> slack.posted(team.channel()).stream()
                .filter(p -> p.text() != null && p.text().startsWith("Update from")).findFirst(),
                java.util.Optional::isPresent).orElseThrow().allText();
        assertThat(shared).contains("*Ruled out*").contains("focal loss, no gain over CE")
                .contains("need access to the prod bucket _(waiting on the client)_")
                .contains(BlockerButtons.ON_IT).contains(BlockerButtons.WAITING_ON_CLIENT)
                .contains("blocker-" + blocker(team, "flaky CI").id());
        assertThat(blocker(team, "prod bucket").clientSince()).isEqualTo(MONDAY);
        assertThat(blocker(team, "flaky CI").waitsOnClient()).isFalse();
    }

    @Test
    void aTeammateOnItTellsTheAuthorOnceAndTheAuthorCannotAcknowledgeTheirOwn() {
        Team team = team("onit");
        String id = Long.toString(blocker(team, "flaky CI").id());

        assertThat(press(BlockerButtons.ON_IT, id, team.bob(), team)).contains("I told Ada Lovelace you are on");
        List<FakeSlack.Posted> dms = slack.awaitPosted(FakeSlack.dm(team.ada()), 1);
        assertThat(dms.get(dms.size() - 1).text()).contains("Bob Builder saw your blocker in #" + team.name())
                .contains("flaky CI");
        int told = slack.posted(FakeSlack.dm(team.ada())).size();

        assertThat(press(BlockerButtons.ON_IT, id, team.bob(), team)).contains("already said you are on it");
        assertThat(press(BlockerButtons.ON_IT, id, team.ada(), team)).contains("your own blocker");
        awaitWorkDone("BlockerAcknowledged");
        assertThat(slack.posted(FakeSlack.dm(team.ada()))).hasSize(told);
    }

    @Test
    void badPressesArePolitelyRefused() {
        Team team = team("bad");
        String id = Long.toString(blocker(team, "flaky CI").id());
        String stranger = newUser();
        slack.user(stranger, "Mallory", "UTC");

        assertThat(press(BlockerButtons.ON_IT, id, stranger, team)).contains("Only people in #" + team.name());
        assertThat(press(BlockerButtons.WAITING_ON_CLIENT, id, stranger, team)).contains("Only people in #");
        assertThat(press(BlockerButtons.ON_IT, "12x", team.bob(), team)).contains("can't find that blocker");
        assertThat(press(BlockerButtons.ON_IT, "9".repeat(40), team.bob(), team)).contains("can't find that blocker");
        assertThat(press(BlockerButtons.WAITING_ON_CLIENT, "", team.bob(), team)).contains("can't find that blocker");
        assertThat(blocker(team, "flaky CI").waitsOnClient()).isFalse();

        // Another workspace's copy of the same id finds nothing.
        String url = slack.responseUrl("elsewhere-" + team.channel());
        slackRequests.fromTeam("T0ELSEWHERE").ephemeralBlockAction(BlockerButtons.WAITING_ON_CLIENT, id, team.bob(),
                team.channel(), url);
        Awaitility.await().until(() -> !slack.responses("elsewhere-" + team.channel()).isEmpty());
        assertThat(slack.responses("elsewhere-" + team.channel()).get(0).param("text")).contains("can't find");
        assertThat(blocker(team, "flaky CI").waitsOnClient()).isFalse();

        // Forged: a payload whose signature is not Slack's is refused before anything reads it.
        String body = "payload=" + java.net.URLEncoder.encode("{\"type\":\"block_actions\",\"actions\":[{\"action_id\":\""
                + BlockerButtons.WAITING_ON_CLIENT + "\",\"value\":\"" + id + "\"}]}", java.nio.charset.StandardCharsets.UTF_8);
        long now = clock.instant().getEpochSecond();
        Answer forged = slackRequests.postSigned(body, "application/x-www-form-urlencoded", now, "v0=" + "0".repeat(64),
                Map.of());
        assertThat(forged.status()).isEqualTo(401);
        Answer replayed = slackRequests.postSigned(body, "application/x-www-form-urlencoded", now - 3600,
                "v0=" + "0".repeat(64), Map.of());
        assertThat(replayed.status()).isGreaterThanOrEqualTo(400).isLessThan(500);
        assertThat(blocker(team, "flaky CI").waitsOnClient()).isFalse();
    }

    @Test
    void aBlockerResolvedMeanwhileGetsAPoliteAnswer() {
        Team team = team("gone");
        String id = Long.toString(blocker(team, "flaky CI").id());
        clock.set(Instant.parse(MONDAY.plusDays(1) + "T15:00:00Z"));
        assertThat(slackRequests.command("/update", "Update: fixed CI Next: train Blockers: need access to the prod bucket",
                team.channel(), team.name(), team.ada()).text()).contains("Recorded");
        Awaitility.await().until(() -> blockers.openBlockers(FakeSlack.TEAM_ID, team.project().id()).stream()
                .noneMatch(b -> b.text().contains("flaky CI")));

        assertThat(press(BlockerButtons.WAITING_ON_CLIENT, id, team.bob(), team)).contains("resolved in the meantime");
        assertThat(press(BlockerButtons.ON_IT, id, team.bob(), team)).contains("resolved in the meantime");
    }

    @Test
    void waitingOnClientFromStatusShowsInStatusQuestionsAndTheSummary() {
        Team team = team("ask");
        Answer status = slackRequests.command("/daybook", "status", team.channel(), team.name(), team.bob());
        assertThat(status.body()).contains("waiting on the client, since today").contains(BlockerButtons.WAITING_ON_CLIENT);
        String id = Long.toString(blocker(team, "flaky CI").id());

        clock.set(Instant.parse(MONDAY.plusDays(2) + "T10:00:00Z"));
        assertThat(press(BlockerButtons.WAITING_ON_CLIENT, id, team.bob(), team)).contains("Marked as waiting on the client");
        assertThat(press(BlockerButtons.WAITING_ON_CLIENT, id, team.bob(), team)).contains("already waiting on the client");
        assertThat(blocker(team, "flaky CI").clientSince()).isEqualTo(MONDAY.plusDays(2));

        clock.set(Instant.parse(MONDAY.plusDays(4) + "T16:00:00Z"));
        String asked = ask(team, "what do we need from the client on " + team.name() + "?");
        assertThat(asked).contains("needs from the client").contains("need access to the prod bucket")
                .contains("waiting 4 working days").contains("flaky CI").contains("waiting 2 working days");

        String md = apiGet("/api/v1/digests/" + team.name() + "/2026-W48.md").body();
        assertThat(md).startsWith("# ").contains("## What we need from you\n\n"
                + "- need access to the prod bucket — waiting 4 working days (since Mon 23 Nov)\n"
                + "- flaky CI — waiting 2 working days (since Wed 25 Nov)\n");
        assertThat(md.indexOf("## What we need from you")).isLessThan(md.indexOf("## Highlights"));
        assertThat(md).contains("## What we ruled out\n\n- focal loss, no gain over CE run:fl2 f1=0.79 — Mon\n")
                .doesNotContain("focal loss, no gain over CE run:fl2 f1=0.79 — Ada");
    }

    @Test
    void ruledOutAnswersWithoutNames() {
        Team team = team("ruled");

        String answer = ask(team, "what have we ruled out on " + team.name() + "?");

        assertThat(answer).contains("Ruled out in #" + team.name()).contains("focal loss, no gain over CE")
                .doesNotContain("Ada").doesNotContain("trained the baseline");
        String nothing = ask(team, "what did we rule out on " + team("empty").name());
        assertThat(nothing).contains("focal loss");
    }

    @Test
    void aLeadIsNudgedOnceWhenAClientAskIsOlderThanTheLimit() {
        Team team = team("nudge");
        String grace = newUser();
        slack.user(grace, "Grace Hopper", "UTC");
        leads.add(FakeSlack.TEAM_ID, team.project().id(), grace, team.ada());
        String dm = FakeSlack.dm(grace);

        clock.set(Instant.parse("2026-11-30T12:00:00Z")); // 5 working days after Monday 23: the limit, not over it
        nudges.sendDue(clock.instant());
        awaitWorkDone("clientask");
        assertThat(slack.posted(dm)).isEmpty();

        clock.set(Instant.parse("2026-12-01T12:00:00Z")); // the 6th working day
        nudges.sendDue(clock.instant());
        nudges.sendDue(clock.instant());
        List<FakeSlack.Posted> posted = slack.awaitPosted(dm, 1);
        assertThat(posted.get(0).text()).contains("A client ask in #" + team.name()).contains("6 working days")
                .contains("limit is 5").contains("need access to the prod bucket").contains("Ada Lovelace");
        clock.set(Instant.parse("2026-12-02T12:00:00Z"));
        nudges.sendDue(clock.instant());
        awaitWorkDone("clientask");
        assertThat(slack.posted(dm)).hasSize(1);
    }

    @Test
    void aClientAskLimitIsAProjectSettingAndOutOfRangeIsRefused() {
        Team team = team("limit");
        assertThat(projects.clientAskLimit(team.project().id())).isEqualTo(ProjectDirectory.DEFAULT_CLIENT_ASK_DAYS);
        projects.setClientAskLimit(FakeSlack.TEAM_ID, team.channel(), 2);
        assertThat(projects.clientAskLimit(team.project().id())).isEqualTo(2);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> projects.setClientAskLimit(FakeSlack.TEAM_ID,
                team.channel(), 0)).isInstanceOf(IllegalArgumentException.class);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> projects.setClientAskLimit(FakeSlack.TEAM_ID,
                team.channel(), 61)).isInstanceOf(IllegalArgumentException.class);
        assertThat(projects.clientAskLimit(team.project().id())).isEqualTo(2);
    }

    @Test
    void theLimitIsSetInProjectSettingsAndBadValuesAreRefused() {
        Team team = team("setting");
        JsonObject values = SlackRequests.values(
                dev.daybook.slack.settings.SettingsModal.CLIENT, SlackRequests.textValue(""),
                dev.daybook.slack.settings.SettingsModal.CATEGORY, SlackRequests.optionValue("static_select", "CORE"),
                dev.daybook.slack.settings.SettingsModal.SHARING, SlackRequests.optionValue("radio_buttons", "CHANNEL"),
                dev.daybook.slack.settings.SettingsModal.ZONE, SlackRequests.textValue(""),
                ClientAskSettingsSection.LIMIT, SlackRequests.textValue("0"));

        for (String bad : List.of("0", "61", "abc", "9".repeat(3), "-2")) {
            values.add(ClientAskSettingsSection.LIMIT, SlackRequests.values("x", SlackRequests.textValue(bad)).getAsJsonObject("x"));
            Answer refused = slackRequests.viewSubmission(dev.daybook.slack.settings.SettingsModal.CALLBACK, team.ada(),
                    values, team.channel());
            assertThat(refused.body()).as(bad).contains(ClientAskSettingsSection.LIMIT).contains("1 to 60");
        }
        assertThat(projects.clientAskLimit(team.project().id())).isEqualTo(5);

        values.add(ClientAskSettingsSection.LIMIT, SlackRequests.values("x", SlackRequests.textValue(" 3 ")).getAsJsonObject("x"));
        assertThat(slackRequests.viewSubmission(dev.daybook.slack.settings.SettingsModal.CALLBACK, team.ada(), values,
                team.channel()).body()).contains("Saved");
        assertThat(projects.clientAskLimit(team.project().id())).isEqualTo(3);

        values.add(ClientAskSettingsSection.LIMIT, SlackRequests.values("x", SlackRequests.textValue("")).getAsJsonObject("x"));
        assertThat(slackRequests.viewSubmission(dev.daybook.slack.settings.SettingsModal.CALLBACK, team.ada(), values,
                team.channel()).body()).contains("Saved");
        assertThat(projects.clientAskLimit(team.project().id())).as("left empty: kept").isEqualTo(3);
    }

    private String ask(Team team, String text) {
        String ts = ts(clock.instant().plusMillis(System.nanoTime() % 1000));
        Answer answer = slackRequests.event(SlackRequests.appMention(team.channel(), team.bob(),
                "<@" + FakeSlack.BOT_USER_ID + "> " + text, ts));
        assertThat(answer.status()).isEqualTo(200);
        FakeSlack.Call call = Awaitility.await().until(() -> {
            List<FakeSlack.Call> calls = new java.util.ArrayList<>(slack.calls("chat.postMessage",
                    c -> team.channel().equals(c.param("channel")) && ts.equals(c.param("thread_ts"))));
            calls.addAll(slack.calls("chat.postEphemeral",
                    c -> team.channel().equals(c.param("channel")) && ts.equals(c.param("thread_ts"))));
            return calls;
        }, calls -> !calls.isEmpty()).get(0);
        return call.param("text") + "\n" + call.param("blocks");
    }
}
