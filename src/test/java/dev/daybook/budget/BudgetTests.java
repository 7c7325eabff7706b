package dev.daybook.budget;

import static dev.daybook.testkit.SlackRequests.timeValue;
import static dev.daybook.testkit.SlackRequests.textValue;
import static dev.daybook.testkit.SlackRequests.values;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.daybook.testkit.FakeSlack;
import dev.daybook.testkit.SlackAppTest;

/** {@code /daybook budget}, the team's target, the Monday planning note and the mid-week nudge. */
class BudgetTests extends SlackAppTest {

    @Autowired
    Budget budget;

    @Test
    void budgetShowsMySplitThisWeekAndLastAndTheTeamsAgainstTheTarget() {
        String user = newUser();
        String channel = newChannel();
        slack.user(user, "Ada", "Europe/London");
        clock.set(Instant.parse("2026-11-17T17:00:00Z"));
        post(channel, user, "Update: cleaned data [core 3h]; read a paper [learning 1h] Next: more");
        clock.set(Instant.parse("2026-11-24T17:00:00Z"));
        post(channel, user, "Update: baseline [core 2h]; wild idea [moonshot 2h] Next: tune");

        String answer = slackRequests.command("/daybook", "budget", channel, "b", user).text();

        assertThat(answer).contains("*Your 70/20/10* · target 70/20/10")
                .contains("You, this week (from Mon 23 Nov)").contains("You, last week")
                .contains("Team, this week").contains("Team, last week")
                .contains("core      ██████████░░░░░░░░░░  50%  target 70%")
                .contains("moonshot  ██████████░░░░░░░░░░  50%  target 10%")
                .contains("core      ███████████████░░░░░  75%  target 70%")
                .contains("adjacent  █████░░░░░░░░░░░░░░░  25%  target 20%");
    }

    @Test
    void myPartIsMineAndTheTeamsPartHasEveryoneEachWeekApart() {
        // A week of its own (no other test posts in 2031), so the team's figures are these two people's.
        String ada = newUser();
        String bob = newUser();
        String channel = newChannel();
        slack.user(ada, "Ada", "UTC").user(bob, "Bob", "UTC");
        clock.set(Instant.parse("2031-02-26T17:00:00Z"));
        post(channel, bob, "Update: read a paper [adjacent 2h] Next: more");
        clock.set(Instant.parse("2031-03-04T17:00:00Z"));
        post(channel, ada, "Update: baseline [core 3h] Next: tune");
        post(channel, bob, "Update: wild idea [moonshot 1h] Next: more");

        String answer = slackRequests.command("/daybook", "budget", channel, "b", ada).text();

        assertThat(section(answer, "You, this week")).contains("core      ████████████████████ 100%");
        assertThat(section(answer, "You, last week")).contains("nothing recorded");
        assertThat(section(answer, "Team, this week")).contains("core      ███████████████░░░░░  75%")
                .contains("moonshot  █████░░░░░░░░░░░░░░░  25%");
        assertThat(section(answer, "Team, last week")).contains("adjacent  ████████████████████ 100%");
    }

    /** The chart under one title of the report. */
    private static String section(String report, String title) {
        int start = report.indexOf("*" + title);
        assertThat(start).as(title).isNotNegative();
        int end = report.indexOf("```\n", report.indexOf("```", start) + 3);
        return report.substring(start, end);
    }

    @Test
    void theTeamSetsItsOwnTargetWhichMustAddUpToAHundred() {
        String user = newUser();
        String channel = newChannel();
        try {
            assertThat(slackRequests.command("/daybook", "budget target 70/20/20", channel, "b", user).text())
                    .contains("add up to 110%");
            assertThat(slackRequests.command("/daybook", "budget target lots", channel, "b", user).text())
                    .contains("like `70/20/10`");
            assertThat(slackRequests.command("/daybook", "budget target 60/30/10", channel, "b", user).text())
                    .contains("now *60/30/10*");
            assertThat(slackRequests.command("/daybook", "budget target", channel, "b", user).text())
                    .contains("*60/30/10*");
            assertThat(slackRequests.command("/daybook", "budget", channel, "b", user).text()).contains("target 60/30/10");
        } finally {
            budget.setTarget(FakeSlack.TEAM_ID, user, BudgetTarget.DEFAULT);
        }
    }

    @Test
    void mondayMorningBringsOnePlanningNoteWithLastWeeksSplit() {
        String ada = newUser();
        String bob = newUser();
        String quiet = newUser();
        String channel = newChannel();
        slack.user(ada, "Ada", "Europe/London").user(bob, "Bob", "Europe/London").user(quiet, "Quiet", "Europe/London");
        clock.set(Instant.parse("2026-11-17T17:00:00Z"));
        post(channel, ada, "Update: core work [core 6h]; side tool [adjacent 2h] Next: more");
        post(channel, bob, "Update: core work Next: more");
        clock.set(Instant.parse("2026-11-04T17:00:00Z"));
        post(channel, quiet, "Update: long ago Next: more");
        turnOff(bob, "planning_note");

        clock.set(Instant.parse("2026-11-23T09:29:00Z"));
        budget.sendDue(clock.instant());
        clock.set(Instant.parse("2026-11-23T09:30:20Z"));
        budget.sendDue(clock.instant());
        budget.sendDue(clock.instant().plusSeconds(120));

        String note = slack.awaitPosted(FakeSlack.dm(ada), 1).get(0).text();
        assertThat(note).contains("Planning the week of Mon 23 Nov").contains("You, last week")
                .contains("core      ███████████████░░░░░  75%  target 70%").contains("Team, last week")
                .contains("/daybook settings");
        awaitWorkDone(ada, bob, quiet);
        assertThat(slack.posted(FakeSlack.dm(ada))).hasSize(1);
        assertThat(slack.posted(FakeSlack.dm(bob))).isEmpty();
        assertThat(slack.posted(FakeSlack.dm(quiet))).isEmpty(); // nothing last week: nothing to plan from
    }

    @Test
    void aWeekWithoutMoonshotTimeByThursdayGetsOneNudge() {
        String ada = newUser();
        String bob = newUser();
        String balanced = newUser();
        String channel = newChannel();
        slack.user(ada, "Ada", "Europe/London").user(bob, "Bob", "Europe/London").user(balanced, "Cy", "Europe/London");
        clock.set(Instant.parse("2026-11-23T17:00:00Z"));
        for (String user : new String[] {ada, bob}) {
            post(channel, user, "Update: a [core]; b [core]; c [adjacent] Next: more");
        }
        post(channel, balanced, "Update: a [core 7h]; b [adjacent 2h]; c [moonshot 1h] Next: more");
        turnOff(bob, "budget_nudge");

        clock.set(Instant.parse("2026-11-25T14:00:30Z")); // Wednesday: core 67%, moonshot not judged yet
        budget.sendDue(clock.instant());
        clock.set(Instant.parse("2026-11-26T14:00:30Z")); // Thursday
        budget.sendDue(clock.instant());
        budget.sendDue(clock.instant().plusSeconds(60));

        String nudge = slack.awaitPosted(FakeSlack.dm(ada), 1).get(0).text();
        assertThat(nudge).contains("Mid-week check").contains("No moonshot time yet this week (target 10%)");
        awaitWorkDone(ada, bob, balanced);
        assertThat(slack.posted(FakeSlack.dm(ada))).hasSize(1);
        assertThat(slack.posted(FakeSlack.dm(bob))).isEmpty();
        assertThat(slack.posted(FakeSlack.dm(balanced))).isEmpty();
    }

    private void post(String channel, String user, String text) {
        assertThat(slackRequests.command("/update", text, channel, "budget-" + channel.toLowerCase(), user).text())
                .contains("Recorded");
    }

    /** Saves My settings with everything on except {@code off}. */
    private void turnOff(String user, String off) {
        JsonArray notes = new JsonArray();
        for (String note : new String[] {"reminders", "follow_up", "planning_note", "budget_nudge"}) {
            if (!note.equals(off)) {
                notes.add(option(note));
            }
        }
        JsonArray days = new JsonArray();
        for (String day : new String[] {"MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"}) {
            days.add(option(day));
        }
        var answer = slackRequests.viewSubmission("daybook_my_settings", user, values(
                "reminder_time", timeValue("16:30"),
                "working_days", checkboxes(days),
                "notes", checkboxes(notes)), null);
        assertThat(answer.body()).contains("Saved");
    }

    static JsonObject checkboxes(JsonArray selected) {
        JsonObject element = new JsonObject();
        element.addProperty("type", "checkboxes");
        element.add("selected_options", selected);
        return element;
    }

    static JsonObject option(String value) {
        JsonObject option = new JsonObject();
        JsonObject text = new JsonObject();
        text.addProperty("type", "plain_text");
        text.addProperty("text", value);
        option.add("text", text);
        option.addProperty("value", value);
        return option;
    }
}
