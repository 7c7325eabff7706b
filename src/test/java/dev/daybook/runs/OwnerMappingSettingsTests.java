package dev.daybook.runs;

import static dev.daybook.testkit.SlackRequests.optionValue;
import static dev.daybook.testkit.SlackRequests.textValue;
import static dev.daybook.testkit.SlackRequests.values;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import dev.daybook.projects.ProjectDirectory;
import dev.daybook.testkit.FakeSlack;
import dev.daybook.testkit.SlackRequests.Answer;

/**
 * Who MLflow users are in Slack, written per project in /daybook settings: member IDs, mentions' raw
 * text and e-mails are taken, each person checked with Slack; a bad line explains itself and saves nothing.
 */
class OwnerMappingSettingsTests extends WithEncryptionKey {

    @Autowired
    MlflowPolling polling;

    @Autowired
    ProjectDirectory projects;

    @Autowired
    JdbcClient jdbc;

    private String channel;
    private String user;
    private String ada;
    private String bob;
    private String bobEmail;
    private String name;
    private long projectId;

    @BeforeEach
    void aProject() {
        channel = newChannel();
        user = newUser();
        ada = newUser();
        bob = newUser();
        bobEmail = bob.toLowerCase() + "@acme.io";
        name = "owners-" + channel.toLowerCase();
        slack.user(user, "Lead", "UTC");
        slack.user(ada, "Ada", "UTC");
        slack.user(bob, "Bob", "UTC").email(bob, bobEmail);
        clock.set(Instant.parse("2026-11-23T17:00:00Z"));
        slackRequests.command("/update", "Update: a Next: b", channel, name, user);
        projectId = projects.byChannel(FakeSlack.TEAM_ID, channel).orElseThrow().id();
    }

    @Test
    void theMappingIsSavedShownAndReplaced() {
        Answer saved = submit("ada-ml = " + ada + "\n\n  Bob.Builder=" + bobEmail.toUpperCase() + "  \r\ncarol = <@" + ada + "|ada>");
        assertThat(saved.json().get("response_action").getAsString()).isEqualTo("update");
        assertThat(polling.ownerMapping(FakeSlack.TEAM_ID, projectId)).containsExactly(
                new MlflowPolling.OwnerMapping("ada-ml", ada),
                new MlflowPolling.OwnerMapping("Bob.Builder", bobEmail),
                new MlflowPolling.OwnerMapping("carol", ada));

        slackRequests.command("/daybook", "settings", channel, name, user);
        String form = slack.awaitCalls("views.open", c -> c.param("view").contains("mlflow_owners")
                && c.param("view").contains("#" + name + "*"), 1).get(0).param("view");
        // the form's JSON as Slack gets it: Gson writes "=" as \u003d
        assertThat(form.replace("\\u003d", "=")).contains("ada-ml = " + ada + "\\nBob.Builder = " + bobEmail + "\\ncarol = " + ada);

        int infoCalls = slack.calls("users.info", c -> ada.equals(c.param("user"))).size();
        submit("ada-ml = " + ada);
        assertThat(polling.ownerMapping(FakeSlack.TEAM_ID, projectId)).containsExactly(new MlflowPolling.OwnerMapping("ada-ml", ada));
        assertThat(slack.calls("users.info", c -> ada.equals(c.param("user"))))
                .as("a line saved before is not checked with Slack again").hasSize(infoCalls);

        submit("");
        assertThat(polling.ownerMapping(FakeSlack.TEAM_ID, projectId)).isEmpty();
    }

    @Test
    void eachBadMappingIsExplainedAndNothingIsSaved() {
        assertThat(error("ada-ml " + ada)).contains("Line 1", "has no “=”");
        assertThat(error("ada-ml = " + ada + "\n = " + ada)).contains("Line 2 names no MLflow user");
        assertThat(error("ada lovelace = " + ada)).contains("is not an MLflow user");
        assertThat(error("ada-ml = @ada")).contains("does not turn @names into mentions", "member ID");
        assertThat(error("ada-ml = Ada Lovelace")).contains("is not a Slack user");
        assertThat(error("ada-ml = " + ada + " = " + bob)).contains("is not a Slack user");
        assertThat(error("ada-ml = " + ada + "\nADA-ML = " + bob)).contains("mapped twice", "lines 1 and 2");
        assertThat(error("ada-ml = UNOBODY1")).contains("Slack knows no person UNOBODY1");
        assertThat(error("ada-ml = nobody-" + channel.toLowerCase() + "@acme.io")).contains("no person", "has the e-mail");
        StringBuilder many = new StringBuilder();
        for (int i = 0; i <= 30; i++) {
            many.append("user").append(i).append(" = ").append(ada).append('\n');
        }
        assertThat(error(many.toString())).contains("At most 30", "31 are listed");
        assertThat(error("x".repeat(3001) + " = " + ada)).contains("at most 3000");
        assertThat(error("x".repeat(321) + " = " + ada)).contains("is not an MLflow user");

        assertThat(polling.ownerMapping(FakeSlack.TEAM_ID, projectId)).isEmpty();
        assertThat(jdbc.sql("select count(*) from tracking_server where project_id = ?").param(projectId)
                .query(Long.class).single()).as("a rejected form saves nothing, not even the server").isZero();
    }

    @Test
    void aBadMappingKeepsTheOneSavedBefore() {
        submit("ada-ml = " + ada);
        assertThat(error("ada-ml = " + ada + "\nbob = @bob")).contains("Line 2");
        assertThat(polling.ownerMapping(FakeSlack.TEAM_ID, projectId)).isEqualTo(
                List.of(new MlflowPolling.OwnerMapping("ada-ml", ada)));
    }

    private String error(String mapping) {
        Answer answer = submit(mapping);
        assertThat(answer.json().get("response_action").getAsString()).as(mapping).isEqualTo("errors");
        return answer.json().getAsJsonObject("errors").get("mlflow_owners").getAsString();
    }

    private Answer submit(String mapping) {
        return slackRequests.viewSubmission("daybook_settings", user, values(
                "client", textValue("Acme"),
                "default_category", optionValue("static_select", "CORE"),
                "share_mode", optionValue("radio_buttons", "CHANNEL"),
                "time_zone", textValue(""),
                "mlflow_url", textValue("https://mlflow.acme.io"),
                "mlflow_token", textValue("none"),
                "mlflow_experiments", textValue(""),
                "mlflow_owners", textValue(mapping)), channel);
    }
}
