package dev.daybook.slack.people;

import static dev.daybook.testkit.SlackRequests.timeValue;
import static dev.daybook.testkit.SlackRequests.textValue;
import static dev.daybook.testkit.SlackRequests.checkboxes;
import static dev.daybook.testkit.SlackRequests.values;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.daybook.reminders.Reminders;
import dev.daybook.slack.client.SlackPeople;
import dev.daybook.support.Dispatches;
import dev.daybook.testkit.FakeSlack;
import dev.daybook.testkit.SlackAppTest;
import dev.daybook.testkit.SlackRequests;
import dev.daybook.testkit.SlackRequests.Answer;

/** A person's own settings (My settings), the App Home, and a time zone that follows Slack. */
class MySettingsTests extends SlackAppTest {

    @Autowired
    Reminders reminders;

    @Autowired
    dev.daybook.people.PersonDirectory people;

    @Autowired
    Dispatches dispatches;

    @Autowired
    SlackPeople slackPeople;

    @Test
    void settingsOutsideAProjectOpenMySettings() {
        String user = newUser();
        slack.user(user, "Ada", "Europe/London");
        // Slack has described the person already. The form itself waits at most a second for a new
        // person's profile, which a loaded test machine may not give it; that race is not what this tests.
        slackPeople.refreshBriefly(FakeSlack.TEAM_ID, user, Duration.ofSeconds(30));

        Answer answer = slackRequests.command("/daybook", "settings", newChannel(), "random", user);

        assertThat(answer.text()).contains("not a project yet").contains("your own settings");
        FakeSlack.Call open = slack.awaitCalls("views.open", c -> c.param("view").contains("daybook_my_settings")
                && SlackRequests.triggerOf(user).equals(c.param("trigger_id")), 1).get(0);
        assertThat(open.param("view")).contains("Reminder time").contains("16:30").contains("Europe/London")
                .contains("from your Slack profile").contains("Working days").contains("Monday planning note");
    }

    @Test
    void whileSlackIsSlowToDescribeANewPersonTheFormOpensAndSaysTheZoneIsNotKnownYet() {
        String user = newUser();
        slack.user(user, "Ada", "Europe/London");
        FakeSlack.Hang hang = slack.hang("users.info", user);
        try {
            slackRequests.command("/daybook", "settings", newChannel(), "random", user);

            FakeSlack.Call open = slack.awaitCalls("views.open", c -> c.param("view").contains("daybook_my_settings")
                    && SlackRequests.triggerOf(user).equals(c.param("trigger_id")), 1).get(0);
            assertThat(hang.releasedAt()).as("opened while Slack still hangs").isZero();
            assertThat(open.param("view")).contains("Slack has not told me yours yet").contains("Reminder time")
                    .contains("\"type\":\"timepicker\"").contains("\"initial_time\":\"16:30\"");
        } finally {
            hang.release();
        }
    }

    @Test
    void theProjectSettingsFormLeadsToMySettings() {
        String user = newUser();
        String channel = newChannel();
        slackRequests.command("/update", "Update: a Next: b", channel, "ms-" + channel.toLowerCase(), user);
        slackRequests.command("/daybook", "settings", channel, "ms-" + channel.toLowerCase(), user);
        String form = slack.awaitCalls("views.open", c -> c.param("view").contains(channel), 1).get(0).param("view");
        assertThat(form).contains("daybook_open_my_settings");

        slackRequests.viewBlockAction("daybook_open_my_settings", "project", user, "daybook_settings", channel);

        slack.awaitCalls("views.push", c -> c.param("view").contains("daybook_my_settings"), 1);
    }

    @Test
    void savedSettingsMoveTheReminderAndItsDaysAndMakeThePersonAMember() {
        String user = newUser();
        slack.user(user, "Ada", "Europe/London");
        clock.set(Instant.parse("2026-11-25T08:00:00Z"));

        Answer saved = slackRequests.viewSubmission("daybook_my_settings", user, values(
                "reminder_time", timeValue("09:15"),
                "working_days", checkboxes("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY"),
                "notes", checkboxes("reminders", "follow_up")), null);
        assertThat(saved.body()).contains("Saved").contains("09:15").contains("Mon, Tue, Wed, Thu")
                .contains("Planning note: off");

        clock.set(Instant.parse("2026-11-26T09:15:30Z")); // Thursday
        reminders.sendDue(clock.instant());
        assertThat(slack.awaitPosted(FakeSlack.dm(user), 1).get(0).text()).contains("Time for your end-of-day update");
        clock.set(Instant.parse("2026-11-27T09:15:30Z")); // Friday: not a working day any more
        reminders.sendDue(clock.instant());
        assertThat(dispatches.kinds(FakeSlack.TEAM_ID, user, LocalDate.parse("2026-11-27"))).isEmpty();
    }

    @Test
    void remindersCanBeTurnedOff() {
        String user = newUser();
        String channel = newChannel();
        slack.user(user, "Ada", "Europe/London");
        clock.set(Instant.parse("2026-11-23T17:00:00Z"));
        slackRequests.command("/update", "Update: a Next: b", channel, "off-" + channel.toLowerCase(), user);
        slackRequests.viewSubmission("daybook_my_settings", user, values(
                "reminder_time", timeValue("16:30"),
                "working_days", checkboxes("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"),
                "notes", checkboxes("planning_note")), null);

        clock.set(Instant.parse("2026-11-24T16:30:30Z"));
        reminders.sendDue(clock.instant());

        assertThat(dispatches.kinds(FakeSlack.TEAM_ID, user, LocalDate.parse("2026-11-24"))).isEmpty();
    }

    @Test
    void awayTimeCanBeSetInMySettingsToo() {
        String user = newUser();
        String channel = newChannel();
        slack.user(user, "Ada", "Europe/London");
        clock.set(Instant.parse("2026-11-23T17:00:00Z"));
        slackRequests.command("/update", "Update: a Next: b", channel, "aw-" + channel.toLowerCase(), user);
        clock.set(Instant.parse("2026-11-24T09:00:00Z"));

        Answer past = slackRequests.viewSubmission("daybook_my_settings", user, values(
                "reminder_time", timeValue("16:30"), "working_days", checkboxes("MONDAY", "TUESDAY"),
                "away_until", date("2026-11-20")), null);
        assertThat(past.json().getAsJsonObject("errors").get("away_until").getAsString()).contains("has passed");
        Answer saved = slackRequests.viewSubmission("daybook_my_settings", user, values(
                "reminder_time", timeValue("16:30"),
                "working_days", checkboxes("MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY"),
                "notes", checkboxes("reminders", "follow_up"),
                "away_until", date("2026-11-25")), null);
        assertThat(saved.body()).contains("Away from Tuesday 24 November to Wednesday 25 November");

        clock.set(Instant.parse("2026-11-24T16:30:30Z"));
        reminders.sendDue(clock.instant());
        assertThat(dispatches.kinds(FakeSlack.TEAM_ID, user, LocalDate.parse("2026-11-24"))).isEmpty();
        clock.set(Instant.parse("2026-11-26T16:30:30Z"));
        reminders.sendDue(clock.instant());
        assertThat(dispatches.kinds(FakeSlack.TEAM_ID, user, LocalDate.parse("2026-11-26"))).containsExactly("reminder:reminder");
    }

    private static JsonObject date(String day) {
        JsonObject element = new JsonObject();
        element.addProperty("type", "datepicker");
        element.addProperty("selected_date", day);
        return element;
    }

    @Test
    void badTimesAndNoWorkingDaysAreSentBack() {
        String user = newUser();
        Answer badTime = slackRequests.viewSubmission("daybook_my_settings", user, values(
                "reminder_time", timeValue("25:00"), "working_days", checkboxes("MONDAY")), null);
        Answer noDays = slackRequests.viewSubmission("daybook_my_settings", user, values(
                "reminder_time", timeValue("16:30"), "working_days", checkboxes()), null);

        assertThat(badTime.json().getAsJsonObject("errors").get("reminder_time").getAsString()).contains("16:30");
        assertThat(noDays.json().getAsJsonObject("errors").get("working_days").getAsString()).contains("at least one");
    }

    /** A timepicker only sends "HH:mm": anything else is a forged or broken payload, refused with nothing saved. */
    @Test
    void forgedTimesAreRefusedAndNothingIsSaved() {
        String user = newUser();
        for (String forged : new String[] {"24:00", "7:5", "", null, "1".repeat(100_000), "16:30:00",
                "16:30\"}]", "<script>16:30</script>", "16:30'; drop table person; --"}) {
            Answer answer = slackRequests.viewSubmission("daybook_my_settings", user, values(
                    "reminder_time", timeValue(forged), "working_days", checkboxes("MONDAY"),
                    "notes", checkboxes("reminders")), null);
            assertThat(answer.status()).as("for %s", forged == null ? "null" : forged.substring(0, Math.min(20, forged.length())))
                    .isEqualTo(200);
            assertThat(answer.json().getAsJsonObject("errors").get("reminder_time").getAsString())
                    .isEqualTo("Pick the time of your reminder, like 16:30.");
        }
        assertThat(people.settings(FakeSlack.TEAM_ID, user).reminderTimeIsDefault()).isTrue();
    }

    @Test
    void theAppHomeShowsMyReminderSettingsAndMy702010() {
        String user = newUser();
        String channel = newChannel();
        slack.user(user, "Ada", "Asia/Tokyo");
        clock.set(Instant.parse("2026-11-24T08:00:00Z"));
        slackRequests.command("/update", "Update: core work [core 3h]; idea [moonshot 1h] Next: b", channel,
                "home-" + channel.toLowerCase(), user);
        slackRequests.command("/daybook", "away 2026-12-01 to 2026-12-02", channel, "home", user);

        JsonObject event = new JsonObject();
        event.addProperty("type", "app_home_opened");
        event.addProperty("user", user);
        event.addProperty("channel", FakeSlack.dm(user));
        event.addProperty("tab", "home");
        event.addProperty("event_ts", "1764000000.000100");
        assertThat(slackRequests.event(event).status()).isEqualTo(200);

        FakeSlack.Call publish = slack.awaitCalls("views.publish", c -> user.equals(c.param("user_id")), 1).get(0);
        String home = publish.param("view");
        assertThat(home).contains("\"type\":\"home\"").contains("My reminders").contains("16:30")
                .contains("Monday to Friday").contains("Asia/Tokyo").contains("Tuesday 1 December")
                .contains("My 70/20/10 this week").contains("75%").contains("Change my settings");
    }

    @Test
    void theReminderFollowsTheTimeZoneWhenSlackSaysThePersonTravelled() {
        String user = newUser();
        String channel = newChannel();
        slack.user(user, "Ada", "Europe/London");
        clock.set(Instant.parse("2026-11-23T17:00:00Z"));
        slackRequests.command("/update", "Update: a Next: b", channel, "tr-" + channel.toLowerCase(), user);

        JsonObject profile = new JsonObject();
        profile.addProperty("display_name", "Ada");
        JsonObject changed = new JsonObject();
        changed.addProperty("id", user);
        changed.addProperty("name", "ada");
        changed.addProperty("tz", "America/Los_Angeles");
        changed.add("profile", profile);
        JsonObject event = new JsonObject();
        event.addProperty("type", "user_change");
        event.add("user", changed);
        event.addProperty("event_ts", "1764000000.000200");
        slackRequests.event(event);

        clock.set(Instant.parse("2026-11-24T16:30:30Z")); // half four in London: she is not there
        reminders.sendDue(clock.instant());
        assertThat(dispatches.kinds(FakeSlack.TEAM_ID, user, LocalDate.parse("2026-11-24"))).isEmpty();
        clock.set(Instant.parse("2026-11-25T00:30:30Z")); // half four on Tuesday in Los Angeles
        reminders.sendDue(clock.instant());
        assertThat(dispatches.kinds(FakeSlack.TEAM_ID, user, LocalDate.parse("2026-11-24")))
                .containsExactly("reminder:reminder");
    }
}
