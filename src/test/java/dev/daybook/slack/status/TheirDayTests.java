package dev.daybook.slack.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;

import com.google.gson.JsonObject;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.daybook.projects.Category;
import dev.daybook.projects.ProjectDirectory;
import dev.daybook.projects.ProjectSettings;
import dev.daybook.projects.ShareMode;
import dev.daybook.testkit.FakeSlack;
import dev.daybook.testkit.SlackAppTest;
import dev.daybook.testkit.SlackRequests;
import dev.daybook.testkit.SlackRequests.Answer;

/**
 * Every view uses the right person's day: a record is read in its author's calendar, a project's week
 * by its authors' dates, a question about someone in theirs. Reproduces what a team spread from
 * Kiritimati to Pago Pago met when each feature took "today" from somewhere else.
 */
class TheirDayTests extends SlackAppTest {

    @Autowired
    ProjectDirectory projects;

    private record Member(String channel, String name, String user) {
    }

    private Member member(String channel, String name, String zone) {
        String user = newUser();
        slack.user(user, "Person " + user.substring(user.length() - 5), zone);
        return new Member(channel, name, user);
    }

    private Member project(String zone) {
        String channel = newChannel();
        return member(channel, "day-" + channel.toLowerCase(), zone);
    }

    private Answer post(Member m, String at, String text) {
        clock.set(Instant.parse(at));
        Answer answer = slackRequests.command("/update", text, m.channel(), m.name(), m.user());
        assertThat(answer.text()).contains("Recorded");
        return answer;
    }

    private String status(Member asker, String at) {
        clock.set(Instant.parse(at));
        return slackRequests.command("/daybook", "status", asker.channel(), asker.name(), asker.user()).body();
    }

    private String preview(Member asker) {
        return slackRequests.command("/daybook", "digest preview", asker.channel(), asker.name(), asker.user()).body();
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
                .param("view");
    }

    private String ask(Member asker, String text) {
        String ts = ts(clock.instant().plusMillis(System.nanoTime() % 1000));
        assertThat(slackRequests.event(SlackRequests.appMention(asker.channel(), asker.user(),
                "<@" + FakeSlack.BOT_USER_ID + "> " + text, ts)).status()).isEqualTo(200);
        FakeSlack.Call reply = Awaitility.await().until(() -> {
            var calls = new java.util.ArrayList<>(slack.calls("chat.postMessage",
                    c -> asker.channel().equals(c.param("channel")) && ts.equals(c.param("thread_ts"))));
            calls.addAll(slack.calls("chat.postEphemeral", c -> asker.channel().equals(c.param("channel"))
                    && asker.user().equals(c.param("user")) && ts.equals(c.param("thread_ts"))));
            return calls;
        }, calls -> !calls.isEmpty()).get(0);
        return reply.param("text") + "\n" + reply.param("blocks");
    }

    @Test
    void aBlockerOfAnAuthorAheadOfTheProjectIsOpenInEveryViewAtOnce() {
        Member lead = project("Europe/London");
        Member brisbane = member(lead.channel(), lead.name(), "Australia/Brisbane");
        post(lead, "2026-12-01T10:00:00Z", "Update: set up the repo Next: review");
        // 18:20 UTC on Tuesday is 04:20 on Wednesday in Brisbane: her first update here, so Wednesday's.
        post(brisbane, "2026-12-01T18:20:00Z", "Update: read the spec Blockers: need VPN access to the client's lake");

        String status = status(lead, "2026-12-01T18:25:00Z");
        assertThat(status).contains("need VPN access").contains("open since today").doesNotContain("None.");
        assertThat(ask(lead, "what's blocking " + lead.name() + "?")).contains("need VPN access");
        assertThat(preview(lead)).contains("need VPN access").doesNotContain("resolved since");
        assertThat(openHome(brisbane.user())).contains("need VPN access").contains("open since today");
    }

    @Test
    void aBlockerOfAnAuthorInKiritimatiOnSundayEveningUtcIsOpen() {
        Member lead = project("UTC");
        Member kiritimati = member(lead.channel(), lead.name(), "Pacific/Kiritimati");
        post(lead, "2026-11-27T10:00:00Z", "Update: wrote the plan Next: start");
        // Sunday 23:30 UTC is Monday 13:30 in Kiritimati.
        post(kiritimati, "2026-11-29T23:30:00Z", "Update: started Blockers: the GPU quota");
        assertThat(status(lead, "2026-11-29T23:35:00Z")).contains("the GPU quota").contains("open since today");
    }

    @Test
    void aBlockerItsAuthorAheadHasResolvedIsNotListedAsOpen() {
        Member lead = project("UTC");
        Member brisbane = member(lead.channel(), lead.name(), "Australia/Brisbane");
        post(brisbane, "2026-11-30T05:00:00Z", "Update: a Blockers: waiting for the label guide");
        post(brisbane, "2026-12-01T05:00:00Z", "Update: b Blockers: waiting for the label guide");
        // Wednesday 04:20 in Brisbane, Tuesday in UTC: her Tuesday is written, so this is Wednesday's.
        post(brisbane, "2026-12-01T18:20:00Z", "Update: c Blockers: none");
        String status = status(lead, "2026-12-01T18:25:00Z");
        assertThat(status).doesNotContain("waiting for the label guide").contains("None.");
        assertThat(ask(lead, "what's blocking " + lead.name() + "?")).doesNotContain("waiting for the label guide");
        assertThat(openHome(brisbane.user())).doesNotContain("waiting for the label guide");
    }

    @Test
    void blockersOfAuthorsBehindTheProjectAreAgedInTheirOwnDays() {
        Member lead = project("UTC");
        Member honolulu = member(lead.channel(), lead.name(), "Pacific/Honolulu");
        Member la = member(lead.channel(), lead.name(), "America/Los_Angeles");
        // 18:00 on Monday in Los Angeles; 18:00 on Tuesday in Honolulu.
        post(la, "2026-12-01T02:00:00Z", "Update: a Blockers: the schema is undecided");
        post(honolulu, "2026-12-02T04:00:00Z", "Update: b Blockers: the bucket is read-only");
        // 17:00 on Tuesday in Los Angeles: one day since Monday by its author's calendar.
        String status = status(lead, "2026-12-02T04:05:00Z");
        assertThat(status).contains("the bucket is read-only").contains("the schema is undecided");
        assertThat(status).contains("open 1 day").contains("open since today").doesNotContain("2 days");
    }

    @Test
    void blockersNoneIsNotABlockerResolvedInTheWeeklySummary() {
        Member lead = project("UTC");
        post(lead, "2026-12-01T15:00:00Z", "Update: shipped the loader Blockers: none");
        assertThat(preview(lead)).doesNotContain("resolved since");
    }

    @Test
    void theFirstPostBackFromLeaveIsFiledUnderItsOwnDayAndAwayDaysAreNotQuiet() {
        Member lead = project("UTC");
        Member back = member(lead.channel(), lead.name(), "UTC");
        post(back, "2026-11-24T15:00:00Z", "Update: before leave Next: holidays");
        assertThat(slackRequests.command("/daybook", "away 2026-11-25 to 2026-11-30", back.channel(), back.name(),
                back.user()).text()).contains("You are away");
        post(lead, "2026-12-01T08:00:00Z", "Update: lead's Tuesday Next: more");

        clock.set(Instant.parse("2026-12-01T09:00:00Z"));
        Answer answer = slackRequests.command("/update", "Update: back, read the mail Next: catch up", back.channel(),
                back.name(), back.user());
        assertThat(answer.text()).contains("Recorded");
        assertThat(updatesOf(back.name(), "2026-11-30", "2026-11-30").toString()).doesNotContain("back, read");
        assertThat(updatesOf(back.name(), "2026-12-01", "2026-12-01").toString()).contains("back, read the mail");
        assertThat(slack.calls("chat.postEphemeral", c -> back.user().equals(c.param("user"))
                && String.valueOf(c.param("text")).contains("filed your update under"))).isEmpty();
    }

    @Test
    void awayDaysDoNotCountTowardsNoUpdateForWorkingDays() {
        Member lead = project("UTC");
        Member away = member(lead.channel(), lead.name(), "UTC");
        post(away, "2026-11-24T15:00:00Z", "Update: before leave Next: holidays");
        slackRequests.command("/daybook", "away 2026-11-25 to 2026-11-30", away.channel(), away.name(), away.user());
        post(lead, "2026-12-01T15:00:00Z", "Update: lead's Tuesday Next: more");
        String status = status(lead, "2026-12-01T16:00:00Z");
        assertThat(status).doesNotContain("No update for more than two working days");
    }

    @Test
    void theReadApisDefaultWindowHoldsTodaysUpdatesOfPeopleEastOfUtc() {
        Member sydney = project("Australia/Sydney");
        // Tuesday 22:00 UTC is Wednesday 09:00 in Sydney.
        post(sydney, "2026-12-01T22:00:00Z", "Update: wrote Wednesday's tests Next: run them");
        Answer answer = apiGet("/api/v1/updates?project=" + sydney.name());
        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.body()).contains("wrote Wednesday's tests").contains("2026-12-02");
    }

    @Test
    void aQuestionAboutSomeoneElseUsesTheirCalendar() {
        Member london = project("Europe/London");
        Member sam = member(london.channel(), london.name(), "Australia/Sydney");
        post(sam, "2026-12-01T03:00:00Z", "Update: Sam Tuesday work Next: more");
        post(sam, "2026-12-01T22:00:00Z", "Update: Sam Wednesday work Next: more");
        post(london, "2026-12-01T20:00:00Z", "Update: London's Tuesday Next: more");
        clock.set(Instant.parse("2026-12-01T22:30:00Z"));
        String answer = ask(london, "what did <@" + sam.user() + "> do today?");
        assertThat(answer).contains("Sam Wednesday work").doesNotContain("Sam Tuesday work");
    }

    @Test
    void oneEveningInADailyThreadChannelIsOneThread() {
        Member london = project("Europe/London");
        post(london, "2026-12-01T10:00:00Z", "Update: London's morning Next: more");
        projects.changeSettings(FakeSlack.TEAM_ID, london.channel(),
                new ProjectSettings(null, Category.CORE, ShareMode.DAILY_THREAD, ZoneId.of("Europe/London")));
        Member brisbane = member(london.channel(), london.name(), "Australia/Brisbane");
        Member colleague = member(london.channel(), london.name(), "Europe/London");
        post(colleague, "2026-12-01T18:00:00Z", "Update: London's evening Next: more");
        // 19:00 in London is 05:00 on Wednesday in Brisbane.
        post(brisbane, "2026-12-01T19:00:00Z", "Update: Brisbane's Wednesday morning Next: more");
        slack.awaitPosted(london.channel(), 4);
        awaitWorkDone(london.channel());
        assertThat(slack.posted(london.channel())).hasSize(4);
        assertThat(slack.posted(london.channel()).stream().filter(p -> p.text().startsWith("Updates for")).toList())
                .singleElement().satisfies(p -> assertThat(p.text()).contains("Tuesday 1 December"));
    }

    @Test
    void theExportIsDatedInTheRequestersOwnDay() {
        Member sydney = project("Australia/Sydney");
        post(sydney, "2026-12-01T03:00:00Z", "Update: Sydney's Tuesday Next: more");
        clock.set(Instant.parse("2026-12-01T22:00:00Z"));
        slackRequests.command("/daybook", "export", sydney.channel(), sydney.name(), sydney.user());
        FakeSlack.Call complete = slack.awaitCalls("files.completeUploadExternal",
                c -> FakeSlack.dm(sydney.user()).equals(c.param("channel_id")), 1).get(0);
        assertThat(complete.params().toString()).contains("2026-12-02").doesNotContain("2026-12-01");
    }

    @Autowired
    dev.daybook.runs.RunService runs;

    @Test
    void runDatesInTheSummaryAreInTheProjectsZone() {
        Member la = project("America/Los_Angeles");
        post(la, "2026-11-30T20:00:00Z", "Update: set up the sweep Next: run it");
        var project = projects.changeSettings(FakeSlack.TEAM_ID, la.channel(),
                new ProjectSettings(null, Category.CORE, ShareMode.CHANNEL, ZoneId.of("America/Los_Angeles")));
        // 02:00 UTC on Tuesday is 18:00 on Monday in Los Angeles.
        clock.set(Instant.parse("2026-12-01T02:00:00Z"));
        runs.report(FakeSlack.TEAM_ID, project.id(), dev.daybook.runs.RunReport.referenced("run", "sweep-1", null,
                java.util.Map.of("f1", 0.8), la.user()));
        clock.set(Instant.parse("2026-12-02T18:00:00Z"));
        String md = apiGet("/api/v1/digests/" + la.name() + "/2026-W49.md").body();
        assertThat(md).contains("sweep-1").contains(", Mon").doesNotContain(", Tue");
    }
}
