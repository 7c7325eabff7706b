package dev.daybook.slack.settings;

import static dev.daybook.testkit.SlackRequests.optionValue;
import static dev.daybook.testkit.SlackRequests.textValue;
import static dev.daybook.testkit.SlackRequests.values;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.daybook.access.ApiTokens;
import dev.daybook.digest.Digests;
import dev.daybook.projects.Project;
import dev.daybook.projects.ProjectDirectory;
import dev.daybook.projects.ProjectLeads;
import dev.daybook.testkit.FakeSlack;
import dev.daybook.testkit.SlackAppTest;
import dev.daybook.testkit.SlackRequests.Answer;

/**
 * Project leads: the person who created the project, the people a lead names, and the workspace's
 * admins and owners. Settings, the digest channel and posting, link revocation and API tokens are
 * theirs; everyone else is refused politely, told who the leads are, and changes nothing.
 */
class ProjectLeadsTests extends SlackAppTest {

    @Autowired
    ProjectDirectory projects;

    @Autowired
    ProjectLeads leads;

    @Autowired
    ApiTokens tokens;

    @Autowired
    Digests digests;

    private String channel;
    private String name;
    private String founder;
    private String member;
    private Project project;

    @BeforeEach
    void aProjectAndAMember() {
        channel = newChannel();
        name = "leads-" + channel.toLowerCase(Locale.ROOT);
        founder = newUser();
        member = newUser();
        slack.user(founder, "Fay Founder", "UTC").user(member, "Mo Member", "UTC");
        clock.set(Instant.parse("2026-11-23T17:00:00Z"));
        slackRequests.command("/update", "Update: set up the repo Next: train", channel, name, founder);
        slackRequests.command("/update", "Update: cleaned data Next: more", channel, name, member);
        project = projects.byChannel(FakeSlack.TEAM_ID, channel).orElseThrow();
    }

    @Test
    void whoeverPostedTheFirstUpdateLeadsTheProject() {
        assertThat(leads.of(FakeSlack.TEAM_ID, project.id())).containsExactly(new ProjectLeads.Lead(founder, null));
        assertThat(leads.creator(FakeSlack.TEAM_ID, project.id())).contains(founder);

        Answer listed = slackRequests.command("/daybook", "leads", channel, name, member);
        assertThat(listed.text()).contains("<@" + founder + "> (created the project)").doesNotContain("<@" + member + ">");
    }

    @Test
    void aMemberIsRefusedTheSettingsPolitelyAndToldWhoToAsk() {
        Answer refused = slackRequests.command("/daybook", "settings", channel, name, member);

        assertThat(refused.text()).contains("Only the leads of").contains("<@" + founder + ">").contains("change its settings");
        assertThat(slack.calls("views.open", c -> c.param("view").contains("mlflow_url")
                && c.param("view").contains(channel))).isEmpty();

        assertThat(slackRequests.command("/daybook", "settings", channel, name, founder).text()).isEmpty();
        assertThat(slack.awaitCalls("views.open", c -> c.param("view").contains("mlflow_url")
                && c.param("view").contains(channel), 1)).hasSize(1);
    }

    @Test
    void aForgedSettingsSubmissionByAMemberSavesNothing() {
        Answer answer = slackRequests.viewSubmission("daybook_settings", member, values(
                "client", textValue("Evil Corp"),
                "default_category", optionValue("static_select", "MOONSHOT"),
                "share_mode", optionValue("radio_buttons", "DAILY_THREAD"),
                "time_zone", textValue("Pacific/Apia"),
                "mlflow_url", textValue("https://mlflow.evil.example"),
                "mlflow_token", textValue("stolen")), channel);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("response_action").getAsString()).isEqualTo("errors");
        assertThat(answer.json().getAsJsonObject("errors").get("client").getAsString()).contains("Only the project's leads");
        Project after = projects.byChannel(FakeSlack.TEAM_ID, channel).orElseThrow();
        assertThat(after.client()).isNull();
        assertThat(after.defaultCategory()).isEqualTo(project.defaultCategory());
        assertThat(after.timeZone()).isNull();
    }

    @Test
    void onlyLeadsPostTheSummaryOrRevokeItsLinksButAnyoneMayPreviewOrShareOne() {
        Answer post = slackRequests.command("/daybook", "digest post", channel, name, member);
        assertThat(post.text()).contains("Only the leads of").contains("post its weekly summary").contains("<@" + founder + ">");

        Answer link = slackRequests.command("/daybook", "digest link", channel, name, member);
        assertThat(link.text()).contains("/digests/");
        String url = link.text().substring(link.text().indexOf("http")).split("\\s")[0];
        String path = url.substring(url.indexOf("/digests/"));

        Answer revoke = slackRequests.command("/daybook", "digest revoke", channel, name, member);
        assertThat(revoke.text()).contains("Only the leads of").contains("revoke the links");
        assertThat(apiGet(path, null).status()).as("the link still works").isEqualTo(200);
        assertThat(digests.isDecided(project, digests.currentWeek(project))).as("nothing was posted").isFalse();

        // The link made here and the one in the project's status canvas (docs/canvas.md), made with its first edit.
        assertThat(slackRequests.command("/daybook", "digest revoke", channel, name, founder).text()).containsPattern("Revoked [12] links?");
        assertThat(apiGet(path, null).status()).isEqualTo(404);
    }

    @Test
    void aLeadNamesAnotherWhoThenLeadsAndLeadsCanStepDownButNotTheLastOne() {
        assertThat(slackRequests.command("/daybook", "leads add <@" + member + "|mo>", channel, name, founder).text())
                .contains("<@" + member + "> now leads the project");
        assertThat(leads.isLead(FakeSlack.TEAM_ID, project.id(), member)).isTrue();
        assertThat(leads.of(FakeSlack.TEAM_ID, project.id())).contains(new ProjectLeads.Lead(member, founder));
        assertThat(slackRequests.command("/daybook", "settings", channel, name, member).text()).isEmpty();

        assertThat(slackRequests.command("/daybook", "leads remove <@" + founder + ">", channel, name, member).text())
                .contains("no longer leads");
        assertThat(slackRequests.command("/daybook", "settings", channel, name, founder).text()).contains("Only the leads of");
        assertThat(slackRequests.command("/daybook", "leads remove <@" + member + ">", channel, name, member).text())
                .contains("last lead");
        assertThat(leads.of(FakeSlack.TEAM_ID, project.id())).extracting(ProjectLeads.Lead::userId).containsExactly(member);
    }

    @Test
    void aMemberCannotNameThemselvesOrRemoveALead() {
        assertThat(slackRequests.command("/daybook", "leads add <@" + member + ">", channel, name, member).text())
                .contains("Only the leads of").contains("name its leads");
        assertThat(slackRequests.command("/daybook", "leads remove <@" + founder + ">", channel, name, member).text())
                .contains("Only the leads of");
        assertThat(leads.of(FakeSlack.TEAM_ID, project.id())).extracting(ProjectLeads.Lead::userId).containsExactly(founder);
    }

    @Test
    void workspaceAdminsAndOwnersLeadEveryProjectEvenOneWithoutALead() {
        String admin = newUser();
        String owner = newUser();
        slack.user(admin, "Ann Admin", "UTC").workspaceAdmin(admin, false);
        slack.user(owner, "Olu Owner", "UTC").workspaceAdmin(owner, true);
        String other = newChannel();
        Project leaderless = projects.open(FakeSlack.TEAM_ID, other, "orphan-" + other.toLowerCase(Locale.ROOT));

        assertThat(slackRequests.command("/daybook", "settings", other, leaderless.name(), member).text())
                .contains("has none yet").contains("workspace admin or owner");
        assertThat(slackRequests.command("/daybook", "settings", channel, name, admin).text()).isEmpty();
        assertThat(slackRequests.command("/daybook", "leads add <@" + member + ">", other, leaderless.name(), owner).text())
                .contains("now leads");
        assertThat(leads.isLead(FakeSlack.TEAM_ID, leaderless.id(), member)).isTrue();
    }

    @Test
    void malformedInjectedAndOversizedLeadNamesChangeNothingAndPingNobody() {
        List<String> hostile = List.of(
                "leads add", "leads add @mo", "leads add <!channel>", "leads add <!here>", "leads add <!subteam^S123|devs>",
                "leads add <#C123|general>", "leads add <@" + member + "><!channel>", "leads add <@U1'); drop table project_lead;-->",
                "leads add " + "<@U0000000001> ".repeat(11), "leads add " + "x".repeat(5000), "leads add <@\u0000U1>", "leads add <@UNOBODY0001>", "leads add <@" + founder + "> <@UNOBODY0002>",
                "leads remove nobody", "leads demote <@" + founder + ">", "leads " + "<script>alert(1)</script>");
        int postedBefore = slack.awaitPosted(channel, 2).size();
        for (String text : hostile) {
            Answer answer = slackRequests.command("/daybook", text, channel, name, founder);
            assertThat(answer.status()).as(text).isEqualTo(200);
            assertThat(answer.text()).as(text).isNotBlank().doesNotContain("<!channel>").doesNotContain("<!here>")
                    .doesNotContain("<!subteam").doesNotContain("<script>");
            assertThat(answer.text().length()).as(text).isLessThan(3000);
        }
        assertThat(leads.of(FakeSlack.TEAM_ID, project.id())).extracting(ProjectLeads.Lead::userId).containsExactly(founder);
        assertThat(slack.posted(channel)).as("nothing went to the channel").hasSize(postedBefore);
    }

    @Test
    void onlyLeadsCreateOrRevokeApiTokensEvenWithAForgedButton() {
        slackRequests.blockAction("daybook_new_api_token", Long.toString(project.id()), member, channel, "1.1");
        slack.awaitCalls("views.push", c -> c.param("view").contains("Only the leads of") && c.param("view").contains(founder), 1);
        assertThat(tokens.count(FakeSlack.TEAM_ID, project.id())).isZero();

        String token = tokens.create(FakeSlack.TEAM_ID, project.id(), founder);
        slackRequests.blockAction("daybook_revoke_api_tokens", Long.toString(project.id()), member, channel, "1.2");
        slack.awaitCalls("views.push", c -> c.param("view").contains("revoke its API tokens"), 1);
        assertThat(apiGet("/api/v1/runs", token).status()).isEqualTo(200);
    }
}
