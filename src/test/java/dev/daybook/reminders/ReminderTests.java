package dev.daybook.reminders;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonObject;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.daybook.projects.Project;
import dev.daybook.projects.ProjectDirectory;
import dev.daybook.status.StatusService;
import dev.daybook.support.Dispatches;
import dev.daybook.updates.ActiveAuthor;
import dev.daybook.testkit.FakeSlack;
import dev.daybook.testkit.SlackAppTest;

/**
 * End-of-day reminders through the real application: the scheduler's service is called with the test
 * clock, and the stand-in Slack server counts the direct messages.
 */
class ReminderTests extends SlackAppTest {

    /** Tuesday 24 November 2026; London is on GMT, so its 16:30 is 16:30 UTC. */
    private static final LocalDate TUESDAY = LocalDate.parse("2026-11-24");
    private static final Instant MONDAY_EVENING = Instant.parse("2026-11-23T17:00:00Z");
    private static final Instant TUESDAY_1630 = Instant.parse("2026-11-24T16:30:00Z");

    @Autowired
    Reminders reminders;

    @Autowired
    Dispatches dispatches;

    @Autowired
    StatusService status;

    @Autowired
    ProjectDirectory projects;

    @AfterEach
    void calm() {
        slack.clearFaults();
    }

    @Test
    void aMemberGetsOneReminderAtTheirTimeWithTheirPreviousNextAndThreeButtons() {
        Member ada = member("Europe/London", "Update: cleaned the data Next: fit the baseline; write the eval");

        reminders.sendDue(TUESDAY_1630.minusSeconds(60));
        assertThat(dispatches.kinds(FakeSlack.TEAM_ID, ada.user, TUESDAY)).isEmpty();

        clock.set(TUESDAY_1630.plusSeconds(20));
        reminders.sendDue(clock.instant());
        reminders.sendDue(clock.instant().plusSeconds(600));

        FakeSlack.Posted dm = slack.awaitPosted(FakeSlack.dm(ada.user), 1).get(0);
        assertThat(text(dm)).contains("Time for your end-of-day update for *Tue 24 Nov*")
                .contains("Not posted yet in <#" + ada.channel + ">")
                .contains("Your Next from Mon 23 Nov").contains("fit the baseline").contains("write the eval")
                .contains("daybook_reminder_write").contains("Snooze 30 min").contains("Skip today");
        stillExactly(ada, 1);
        Awaitility.await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(apiGet("/actuator/prometheus", null).body())
                .containsPattern("daybook_scheduled_messages_total\\{[^}]*kind=\"reminder\"[^}]*outcome=\"sent\"[^}]*} [1-9]"));
    }

    @Test
    void someoneWhoPostedBeforeTheReminderIsNotReminded() {
        Member ada = member("Europe/London", "Update: a Next: b");
        clock.set(TUESDAY_1630.minus(Duration.ofHours(2)));
        slackRequests.command("/update", "Update: done early Next: more", ada.channel, ada.name, ada.user);

        clock.set(TUESDAY_1630.plusSeconds(5));
        reminders.sendDue(clock.instant());
        clock.set(TUESDAY_1630.plus(Duration.ofMinutes(61)));
        reminders.sendDue(clock.instant());

        assertThat(dispatches.kinds(FakeSlack.TEAM_ID, ada.user, TUESDAY)).isEmpty();
        stillExactly(ada, 0);
    }

    @Test
    void severalProjectsMakeOneReminderListingThoseWithoutAnUpdate() {
        Member ada = member("Europe/London", "Update: a Next: b");
        String other = newChannel();
        String third = newChannel();
        clock.set(MONDAY_EVENING);
        slackRequests.command("/update", "Update: c Next: d", other, "p-" + other.toLowerCase(), ada.user);
        slackRequests.command("/update", "Update: e Next: f", third, "q-" + third.toLowerCase(), ada.user);
        clock.set(TUESDAY_1630.minus(Duration.ofHours(1)));
        slackRequests.command("/update", "Update: g Next: h", third, "q-" + third.toLowerCase(), ada.user);

        clock.set(TUESDAY_1630.plusSeconds(5));
        reminders.sendDue(clock.instant());

        String text = text(slack.awaitPosted(FakeSlack.dm(ada.user), 1).get(0));
        assertThat(text).contains("<#" + ada.channel + ">").contains("<#" + other + ">")
                .contains("Already posted in <#" + third + ">");
        stillExactly(ada, 1);
    }

    @Test
    void nobodyIsRemindedWhileAwayAndRemindersComeBackWithThem() {
        Member ada = member("Europe/London", "Update: a Next: b");
        clock.set(TUESDAY_1630.minus(Duration.ofHours(6)));
        String answer = slackRequests.command("/daybook", "away until 2026-11-25", ada.channel, ada.name, ada.user).text();
        assertThat(answer).contains("Tuesday 24 November to Wednesday 25 November").contains("Thursday 26 November");

        clock.set(TUESDAY_1630.plusSeconds(5));
        reminders.sendDue(clock.instant());
        assertThat(dispatches.kinds(FakeSlack.TEAM_ID, ada.user, TUESDAY)).isEmpty();

        clock.set(TUESDAY_1630.plusSeconds(60));
        assertThat(slackRequests.command("/daybook", "away off", ada.channel, ada.name, ada.user).text())
                .contains("Welcome back");
        reminders.sendDue(clock.instant());
        slack.awaitPosted(FakeSlack.dm(ada.user), 1);
    }

    @Test
    void awayDatesAreCheckedPolitely() {
        Member ada = member("Europe/London", "Update: a Next: b");
        clock.set(TUESDAY_1630);

        assertThat(away(ada, "until 2026-11-31")).contains("could not read that date");
        assertThat(away(ada, "until 2026-11-01")).contains("has passed already");
        assertThat(away(ada, "2026-12-05 to 2026-12-01")).contains("ends before it starts");
        assertThat(away(ada, "until 2028-12-01")).contains("more than a year");
        assertThat(away(ada, "soon")).contains("/daybook away until 2026-12-01");
        assertThat(away(ada, "")).contains("You are not away");
        assertThat(away(ada, "2026-12-01 to 2026-12-04")).contains("from Tuesday 1 December to Friday 4 December");
        assertThat(away(ada, "")).contains("from Tuesday 1 December to Friday 4 December");
    }

    @Test
    void membersOfAnArchivedProjectAreNotReminded() {
        Member ada = member("Europe/London", "Update: a Next: b");
        JsonObject archived = new JsonObject();
        archived.addProperty("type", "channel_archive");
        archived.addProperty("channel", ada.channel);
        archived.addProperty("user", newUser());
        assertThat(slackRequests.event(archived).status()).isEqualTo(200);

        clock.set(TUESDAY_1630.plusSeconds(5));
        reminders.sendDue(clock.instant());

        assertThat(dispatches.kinds(FakeSlack.TEAM_ID, ada.user, TUESDAY)).isEmpty();
    }

    @Test
    void oneFollowUpAnHourLaterUnlessTheyPostedInTheMeantime() {
        Member ada = member("Europe/London", "Update: a Next: b");
        Member bob = member("Europe/London", "Update: a Next: b");
        clock.set(TUESDAY_1630.plusSeconds(5));
        reminders.sendDue(clock.instant());
        slack.awaitPosted(FakeSlack.dm(ada.user), 1);
        slack.awaitPosted(FakeSlack.dm(bob.user), 1);

        clock.set(TUESDAY_1630.plus(Duration.ofMinutes(40)));
        slackRequests.command("/update", "Update: done Next: more", bob.channel, bob.name, bob.user);
        clock.set(TUESDAY_1630.plus(Duration.ofMinutes(59)));
        reminders.sendDue(clock.instant());
        clock.set(TUESDAY_1630.plus(Duration.ofMinutes(60)).plusSeconds(10));
        reminders.sendDue(clock.instant());
        clock.set(TUESDAY_1630.plus(Duration.ofMinutes(75)));
        reminders.sendDue(clock.instant());

        List<FakeSlack.Posted> toAda = slack.awaitPosted(FakeSlack.dm(ada.user), 2);
        assertThat(toAda.get(1).allText()).contains("Still time for your end-of-day update");
        stillExactly(ada, 2);
        stillExactly(bob, 1);
    }

    @Test
    void snoozeBringsTheReminderBackInThirtyMinutesInsteadOfTheFollowUp() {
        Member ada = member("Europe/London", "Update: a Next: b");
        clock.set(TUESDAY_1630.plusSeconds(5));
        reminders.sendDue(clock.instant());
        FakeSlack.Posted dm = slack.awaitPosted(FakeSlack.dm(ada.user), 1).get(0);

        clock.set(TUESDAY_1630.plus(Duration.ofMinutes(5)));
        assertThat(slackRequests.blockAction("daybook_reminder_snooze", TUESDAY.toString(), ada.user, dm.channel(),
                dm.ts()).status()).isEqualTo(200);
        assertThat(slack.posted(dm.channel()).get(0).allText()).contains("Snoozed").contains("17:05");

        clock.set(TUESDAY_1630.plus(Duration.ofMinutes(34)));
        reminders.sendDue(clock.instant());
        assertThat(slack.posted(dm.channel())).hasSize(1);
        clock.set(TUESDAY_1630.plus(Duration.ofMinutes(35)).plusSeconds(3));
        reminders.sendDue(clock.instant());
        assertThat(slack.awaitPosted(dm.channel(), 2).get(1).allText()).contains("Snooze is over");
        clock.set(TUESDAY_1630.plus(Duration.ofMinutes(61)));
        reminders.sendDue(clock.instant());
        stillExactly(ada, 2);
    }

    @Test
    void skipTodayMeansNoMoreRemindersThatDay() {
        Member ada = member("Europe/London", "Update: a Next: b");
        clock.set(TUESDAY_1630.plusSeconds(5));
        reminders.sendDue(clock.instant());
        FakeSlack.Posted dm = slack.awaitPosted(FakeSlack.dm(ada.user), 1).get(0);

        slackRequests.blockAction("daybook_reminder_skip", TUESDAY.toString(), ada.user, dm.channel(), dm.ts());
        assertThat(slack.posted(dm.channel()).get(0).allText()).contains("Skipped");

        clock.set(TUESDAY_1630.plus(Duration.ofMinutes(61)));
        reminders.sendDue(clock.instant());
        stillExactly(ada, 1);
        assertThat(reminders.skipped(FakeSlack.TEAM_ID, ada.user, TUESDAY)).isTrue();
    }

    @Test
    void writeMyUpdateOpensTheFormPrefilledWithThePreviousNext() {
        Member ada = member("Europe/London", "Update: a Next: tune the learning rate");
        clock.set(TUESDAY_1630.plusSeconds(5));
        reminders.sendDue(clock.instant());
        FakeSlack.Posted dm = slack.awaitPosted(FakeSlack.dm(ada.user), 1).get(0);

        slackRequests.blockAction("daybook_reminder_write", ada.channel + "|" + TUESDAY, ada.user, dm.channel(), dm.ts());

        FakeSlack.Call open = slack.awaitCalls("views.open", c -> c.param("view").contains(ada.channel), 1).get(0);
        assertThat(open.param("view")).contains("daybook_update").contains("- tune the learning rate");
    }

    @Test
    void aReminderMissedByMoreThanAnHourWhileTheServiceWasDownIsSkipped() {
        Member ada = member("Europe/London", "Update: a Next: b");

        clock.set(TUESDAY_1630.plus(Duration.ofMinutes(61)));
        reminders.sendDue(clock.instant());
        clock.set(TUESDAY_1630.plus(Duration.ofMinutes(75)));
        reminders.sendDue(clock.instant());

        assertThat(dispatches.kinds(FakeSlack.TEAM_ID, ada.user, TUESDAY)).isEmpty();
        stillExactly(ada, 0);
    }

    @Test
    void aReminderDecidedButNotSentBeforeItWentStaleIsNotSentLate() {
        Member ada = member("Europe/London", "Update: a Next: b");
        slack.failHttp("chat.postMessage", 10_000, 503);
        clock.set(TUESDAY_1630.plusSeconds(5));
        reminders.sendDue(clock.instant());
        slack.awaitCalls("chat.postMessage", c -> ada.user.equals(c.param("channel")), 1);
        // Slack is down past the hour: by the time it is back, the reminder is stale.
        clock.set(TUESDAY_1630.plus(Duration.ofMinutes(65)));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() ->
                dispatches.outcome(FakeSlack.TEAM_ID, ada.user, TUESDAY, "reminder:reminder").isPresent());
        slack.clearFaults();

        assertThat(dispatches.outcome(FakeSlack.TEAM_ID, ada.user, TUESDAY, "reminder:reminder")).contains("skipped");
        assertThat(slack.posted(FakeSlack.dm(ada.user))).isEmpty();
    }

    @Test
    void aStormOfRateLimitsIsWaitedOutAndEveryoneGetsExactlyOneReminder() {
        List<Member> team = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            team.add(member("Europe/London", "Update: a Next: b"));
        }
        int before = slack.calls("chat.postMessage").size();
        slack.rateLimitEvery("chat.postMessage", 3, 1);

        clock.set(TUESDAY_1630.plusSeconds(5));
        reminders.sendDue(clock.instant());

        Awaitility.await().atMost(Duration.ofSeconds(60)).until(() ->
                team.stream().allMatch(m -> slack.posted(FakeSlack.dm(m.user)).size() >= 1));
        slack.clearFaults();
        assertThat(slack.calls("chat.postMessage").size() - before).isGreaterThan(12); // some were refused with 429
        team.forEach(m -> stillExactly(m, 1));
    }

    /**
     * One active-member window: 29 days after their update Ada is still a member in status and is
     * reminded (reminders used a 28-day setting of their own); 31 days after, she is neither.
     */
    @Test
    void statusAndRemindersAgreeOnWhoIsAMember() {
        assertThat(ActiveAuthor.ACTIVE_DAYS).isEqualTo(30);
        Member ada = member("Europe/London", "Update: a Next: b");
        Project project = projects.byChannel(FakeSlack.TEAM_ID, ada.channel).orElseThrow();

        Instant day29 = TUESDAY_1630.plus(Duration.ofDays(28)); // Tue 22 Dec, 29 days after Mon 23 Nov
        clock.set(day29.plusSeconds(20));
        assertThat(status.status(project).members()).extracting(m -> m.userId()).containsExactly(ada.user);
        reminders.sendDue(clock.instant());
        stillExactly(ada, 1);

        Instant day31 = day29.plus(Duration.ofDays(2)); // Thu 24 Dec
        clock.set(day31.plusSeconds(20));
        assertThat(status.status(project).members()).isEmpty();
        reminders.sendDue(clock.instant());
        assertThat(dispatches.kinds(FakeSlack.TEAM_ID, ada.user, LocalDate.parse("2026-12-24"))).isEmpty();
        stillExactly(ada, 1);
    }

    // ---- helpers ---------------------------------------------------------------------------------

    record Member(String user, String channel, String name) {
    }

    /** Someone who posted in a project of their own on Monday evening, in the given zone. */
    private Member member(String zone, String firstUpdate) {
        String user = newUser();
        String channel = newChannel();
        String name = "rem-" + channel.toLowerCase();
        slack.channel(channel, name).user(user, "Person " + user, zone);
        clock.set(MONDAY_EVENING);
        assertThat(slackRequests.command("/update", firstUpdate, channel, name, user).text()).contains("Recorded");
        return new Member(user, channel, name);
    }

    private String away(Member member, String arguments) {
        return slackRequests.command("/daybook", ("away " + arguments).strip(), member.channel, member.name, member.user)
                .text();
    }

    /** What a message says, with the JSON escapes of its blocks undone. */
    static String text(FakeSlack.Posted posted) {
        return posted.allText().replace("\\u003c", "<").replace("\\u003e", ">").replace("\\u0026", "&");
    }

    private void stillExactly(Member member, int count) {
        Awaitility.await().atMost(Duration.ofSeconds(20))
                .until(() -> slack.posted(FakeSlack.dm(member.user)).size() >= count);
        awaitWorkDone(member.user);
        assertThat(slack.posted(FakeSlack.dm(member.user))).hasSize(count);
    }
}
