package dev.daybook.slack.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;

import dev.daybook.goals.GoalDraft;
import dev.daybook.goals.GoalService;
import dev.daybook.runs.RunReport;
import dev.daybook.runs.RunService;
import dev.daybook.testkit.FakeSlack;
import dev.daybook.testkit.SlackAppTest;
import dev.daybook.testkit.SlackRequests.Answer;

/** {@code /daybook status}, its share and Resolved buttons, and who may see what. */
class StatusTests extends SlackAppTest {

    private static final LocalDate MONDAY = LocalDate.parse("2026-11-23");

    @org.springframework.beans.factory.annotation.Autowired
    dev.daybook.projects.ProjectDirectory projects;

    @org.springframework.beans.factory.annotation.Autowired
    GoalService goals;

    @org.springframework.beans.factory.annotation.Autowired
    RunService runs;

    private void post(String channel, String name, String user, LocalDate day, String text) {
        clock.set(Instant.parse(day + "T15:00:00Z"));
        Answer answer = slackRequests.command("/update", text, channel, name, user);
        assertThat(answer.text()).contains("Recorded");
    }

    private record Team(String channel, String name, String ada, String bob) {
    }

    /** Ada posts Monday and Friday, Bob only Monday; it is Friday afternoon. */
    private Team aWeek(String name) {
        String channel = newChannel();
        String ada = newUser();
        String bob = newUser();
        slack.user(ada, "Ada Lovelace", "UTC").user(bob, "Bob Builder", "UTC");
        post(channel, name, ada, MONDAY, "Update: cleaned data; built features [core 2h] Next: train a baseline "
                + "Blockers: need the client's label guide");
        post(channel, name, bob, MONDAY, "Update: set up the GPU box Next: tune the loader");
        post(channel, name, ada, MONDAY.plusDays(4), "Update: trained the baseline, val F1 0.87 Next: tune thresholds");
        clock.set(Instant.parse(MONDAY.plusDays(4) + "T16:00:00Z"));
        return new Team(channel, name, ada, bob);
    }

    @Test
    void statusInTheProjectChannelShowsLatestUpdatesNextBlockersAndWhoWentQuiet() {
        Team team = aWeek("status-" + newChannel().toLowerCase());

        Answer answer = slackRequests.command("/daybook", "status", team.channel(), team.name(), team.ada());

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("response_type").getAsString()).isEqualTo("ephemeral");
        String body = answer.body();
        assertThat(body).contains("Status of #" + team.name())
                .contains("Latest updates").contains("Ada Lovelace").contains("trained the baseline, val F1 0.87")
                .contains("Fri 27 Nov").contains("tune thresholds").contains("tune the loader")
                .contains("label guide").contains("open 4 days").contains("since Mon 23 Nov")
                .contains("No update for more than two working days").contains("Bob Builder: last on Mon 23 Nov")
                .contains(StatusBlocks.SHARE).contains(StatusBlocks.RESOLVE)
                .doesNotContain("<@" + team.bob() + ">").doesNotContain("<@" + team.ada() + ">");
        assertThat(body).as("Ada's Monday items are not her latest").doesNotContain("cleaned data");
    }

    @Test
    void aProjectIsFoundByClientWordOrTypoFromAnyChannel() {
        String name = "zephyr-forecast-" + newChannel().toLowerCase().substring(1, 5);
        Team team = aWeek(name);
        String elsewhere = newChannel();

        assertThat(slackRequests.command("/daybook", "status #" + name, elsewhere, "general", team.bob()).body())
                .contains("Status of #" + name);
        assertThat(slackRequests.command("/daybook", "status " + name.replace("forecast", "forcast"), elsewhere,
                "general", team.bob()).body()).contains("Status of #" + name);
        assertThat(slackRequests.command("/daybook", "status <#" + team.channel() + "|whatever>", elsewhere,
                "general", team.bob()).body()).contains("Status of #" + name);
    }

    @Test
    void unknownAmbiguousOrMissingProjectsGetAPoliteAnswer() {
        String user = newUser();
        String suffix = newChannel().toLowerCase().substring(1, 7);
        post(newChannel(), "quill-a" + suffix, user, MONDAY, "Update: a Next: b");
        post(newChannel(), "quill-b" + suffix, user, MONDAY, "Update: a Next: b");

        assertThat(slackRequests.command("/daybook", "status no-such-thing-" + suffix, newChannel(), "general", user).text())
                .contains("I don't know a project called");
        assertThat(slackRequests.command("/daybook", "status", newChannel(), "general", user).text())
                .contains("Which project?");
        assertThat(slackRequests.command("/daybook", "status <script>", newChannel(), "general", user).text())
                .contains("&lt;script&gt;").doesNotContain("<script>");
    }

    @Test
    void aPrivateChannelsStatusIsForItsMembersOnly() {
        String channel = newChannel();
        String name = "secret-" + channel.toLowerCase();
        String ada = newUser();
        String eve = newUser();
        slack.privateChannel(channel, name, ada, FakeSlack.BOT_USER_ID).user(ada, "Ada Lovelace", "UTC");
        post(channel, name, ada, MONDAY, "Update: the secret model Next: more Blockers: secret blocker");

        assertThat(slackRequests.command("/daybook", "status " + name, newChannel(), "general", eve).body())
                .contains("only its members").doesNotContain("secret model").doesNotContain("secret blocker");
        assertThat(slackRequests.command("/daybook", "status " + name, newChannel(), "general", ada).body())
                .contains("the secret model");
    }

    @Test
    void aStatusSharedBySomeoneWhoNeverPostedNamesThemNotTheirId() {
        Team team = aWeek("share-lead-" + newChannel().toLowerCase());
        String lead = newUser();
        slack.user(lead, "Grace Hopper", "UTC");
        Answer asked = slackRequests.command("/daybook", "status", team.channel(), team.name(), lead);
        String projectId = valueOf(asked, StatusBlocks.SHARE);
        int before = slack.posted(team.channel()).size();

        slackRequests.ephemeralBlockAction(StatusBlocks.SHARE, projectId, lead, team.channel(),
                slack.responseUrl("share-lead-" + team.channel()));

        List<FakeSlack.Posted> posted = slack.awaitPosted(team.channel(), before + 1);
        assertThat(posted.get(posted.size() - 1).allText()).contains("Shared by Grace Hopper").doesNotContain(lead);
    }

    @Test
    void shareInChannelPostsTheStatusWithoutButtons() {
        Team team = aWeek("share-" + newChannel().toLowerCase());
        Answer asked = slackRequests.command("/daybook", "status", team.channel(), team.name(), team.bob());
        String projectId = valueOf(asked, StatusBlocks.SHARE);
        int before = slack.posted(team.channel()).size();

        String responseUrl = slack.responseUrl("share-" + team.channel());
        slackRequests.ephemeralBlockAction(StatusBlocks.SHARE, projectId, team.bob(), team.channel(), responseUrl);

        List<FakeSlack.Posted> posted = slack.awaitPosted(team.channel(), before + 1);
        FakeSlack.Posted status = posted.get(posted.size() - 1);
        assertThat(status.allText()).contains("Status of #" + team.name()).contains("tune thresholds")
                .contains("Shared by Bob Builder").doesNotContain(StatusBlocks.SHARE).doesNotContain(StatusBlocks.RESOLVE);
        assertThat(slack.responses("share-" + team.channel())).anySatisfy(r ->
                assertThat(r.param("text")).contains("Shared the status"));
    }

    @Test
    void aPrivateProjectIsNotSharedOutsideItsChannelAndForgedValuesAreRefused() {
        String channel = newChannel();
        String name = "hush-" + channel.toLowerCase();
        String ada = newUser();
        slack.privateChannel(channel, name, ada).user(ada, "Ada Lovelace", "UTC");
        post(channel, name, ada, MONDAY, "Update: hush work Next: more");
        String projectId = valueOf(slackRequests.command("/daybook", "status", channel, name, ada), StatusBlocks.SHARE);

        String general = newChannel();
        String responseUrl = slack.responseUrl("hush-" + general);
        slackRequests.ephemeralBlockAction(StatusBlocks.SHARE, projectId, ada, general, responseUrl);
        slackRequests.ephemeralBlockAction(StatusBlocks.SHARE, "not-a-number", ada, general, responseUrl);
        slackRequests.fromTeam("T0ELSEWHERE").ephemeralBlockAction(StatusBlocks.SHARE, projectId, ada, general,
                responseUrl);

        org.awaitility.Awaitility.await().until(() -> slack.responses("hush-" + general).size() >= 3);
        assertThat(slack.responses("hush-" + general)).extracting(r -> r.param("text"))
                .anySatisfy(t -> assertThat(t).contains("private channel"))
                .anySatisfy(t -> assertThat(t).contains("can no longer be shared"));
        assertThat(slack.posted(general)).isEmpty();
    }

    @Test
    void theResolvedButtonWorksForTheAuthorOnly() {
        Team team = aWeek("resolve-" + newChannel().toLowerCase());
        Answer asked = slackRequests.command("/daybook", "status", team.channel(), team.name(), team.ada());
        String blockerId = valueOf(asked, StatusBlocks.RESOLVE);
        assertThat(slackRequests.command("/daybook", "status", team.channel(), team.name(), team.bob()).body())
                .as("Bob's copy has no Resolved button for Ada's blocker").doesNotContain(StatusBlocks.RESOLVE);

        String url = slack.responseUrl("resolve-" + team.channel());
        slackRequests.ephemeralBlockAction(StatusBlocks.RESOLVE, blockerId, team.bob(), team.channel(), url);
        slackRequests.ephemeralBlockAction(StatusBlocks.RESOLVE, "12x", team.ada(), team.channel(), url);
        org.awaitility.Awaitility.await().until(() -> slack.responses("resolve-" + team.channel()).size() >= 2);
        assertThat(slackRequests.command("/daybook", "status", team.channel(), team.name(), team.ada()).body())
                .contains("label guide");

        slackRequests.ephemeralBlockAction(StatusBlocks.RESOLVE, blockerId, team.ada(), team.channel(), url);
        org.awaitility.Awaitility.await().until(() -> slack.responses("resolve-" + team.channel()).size() >= 3);
        assertThat(slack.responses("resolve-" + team.channel())).extracting(r -> r.param("text"))
                .anySatisfy(t -> assertThat(t).contains("Only the person who reported"))
                .anySatisfy(t -> assertThat(t).contains("can't find that blocker"))
                .anySatisfy(t -> assertThat(t).contains("Marked resolved"));
        assertThat(slackRequests.command("/daybook", "status", team.channel(), team.name(), team.ada()).body())
                .doesNotContain("label guide");
    }

    @Test
    void goalsWithProgressAndTheLatestRunsWithTheirVerification() {
        Team team = aWeek("goals-" + newChannel().toLowerCase());
        long projectId = projects.byChannel(FakeSlack.TEAM_ID, team.channel()).orElseThrow().id();
        assertThat(goals.save(FakeSlack.TEAM_ID, projectId, null, new GoalDraft("invoice-precision",
                "Precision on invoices", "Acme", "precision >= 0.9", "2026-12-31", "active")).errors()).isEmpty();
        runs.report(FakeSlack.TEAM_ID, projectId, RunReport.referenced("run", "good-" + team.channel(), null,
                java.util.Map.of("precision", 0.92), team.ada()));
        long good = runs.byExternalId(FakeSlack.TEAM_ID, projectId, "good-" + team.channel()).orElseThrow().id();
        assertThat(runs.verify(FakeSlack.TEAM_ID, good, team.bob())).isEqualTo(RunService.Outcome.DONE);
        runs.report(FakeSlack.TEAM_ID, projectId, RunReport.referenced("run", "new-" + team.channel(), null,
                java.util.Map.of("precision", 0.95), team.ada()));

        String body = slackRequests.command("/daybook", "status", team.channel(), team.name(), team.bob()).body();
        assertThat(body).contains("Client goals").contains("#invoice-precision").contains("target precision")
                .contains("best verified 0.92").contains("met").contains("due Thu 31 Dec")
                .contains("Latest runs").contains("new-" + team.channel()).contains("precision 0.95")
                .contains("unverified").contains("good-" + team.channel()).contains("_verified_");
    }

    /** The value of the first button with this action id in a slash command's answer. */
    private static String valueOf(Answer answer, String actionId) {
        for (var block : answer.json().getAsJsonArray("blocks")) {
            JsonObject b = block.getAsJsonObject();
            List<JsonObject> buttons = new java.util.ArrayList<>();
            if (b.has("accessory")) {
                buttons.add(b.getAsJsonObject("accessory"));
            }
            if (b.has("elements")) {
                b.getAsJsonArray("elements").forEach(e -> buttons.add(e.getAsJsonObject()));
            }
            for (JsonObject button : buttons) {
                if (button.has("action_id") && button.get("action_id").getAsString().equals(actionId)) {
                    return button.get("value").getAsString();
                }
            }
        }
        throw new AssertionError("No " + actionId + " button in " + answer.body());
    }
}
