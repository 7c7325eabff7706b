package dev.daybook.slack.people;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.daybook.people.DaysOff;
import dev.daybook.people.PersonDirectory;
import dev.daybook.testkit.SlackAppTest;
import dev.daybook.testkit.SlackRequests.Answer;

/**
 * Public holidays (listed, or an iCalendar address) and a person's out-of-office feed, served from
 * loopback: they are not working days for the filing and quiet rules, a broken feed is reported and its
 * last good copy kept, and odd zones from Slack change nothing that was recorded.
 */
class DaysOffTests extends SlackAppTest {

    @Autowired
    DaysOff daysOff;

    @Autowired
    PersonDirectory people;

    private HttpServer server;
    private final AtomicReference<String> served = new AtomicReference<>();

    @BeforeEach
    void serve() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/cal.ics", exchange -> {
            byte[] body = served.get().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/calendar");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private String feed() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/cal.ics";
    }

    private static String away(String first, String dayAfterLast) {
        return "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nBEGIN:VEVENT\r\nSUMMARY:OOO\r\nDTSTART;VALUE=DATE:" + first
                + "\r\nDTEND;VALUE=DATE:" + dayAfterLast + "\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n";
    }

    private Answer command(String channel, String user, String text) {
        return slackRequests.command("/daybook", text, channel, "off-" + channel.toLowerCase(), user);
    }

    private void post(String channel, String user, String at, String text) {
        clock.set(Instant.parse(at));
        assertThat(slackRequests.command("/update", text, channel, "off-" + channel.toLowerCase(), user).text())
                .contains("Recorded");
    }

    @Test
    void timeAwayFromAnOutOfOfficeFeedKeepsTheFirstPostBackOnItsOwnDay() {
        String channel = newChannel();
        String user = newUser();
        slack.user(user, "Feed Person", "UTC");
        post(channel, user, "2026-11-24T15:00:00Z", "Update: before leave Next: leave");
        served.set(away("20261125", "20261201"));
        assertThat(command(channel, user, "away feed <" + feed() + ">").text())
                .contains("Your out-of-office calendar").contains("6 days from 2026-11-25 to 2026-11-30");

        post(channel, user, "2026-12-01T09:00:00Z", "Update: back again Next: catch up");
        assertThat(updatesOf("off-" + channel.toLowerCase(), "2026-12-01", "2026-12-01").toString()).contains("back again");
        assertThat(command(channel, user, "away").text()).contains("Your out-of-office calendar");
    }

    @Test
    void aBrokenFeedIsReportedAndItsLastGoodCopyKept() {
        String channel = newChannel();
        String user = newUser();
        slack.user(user, "Broken Feed", "UTC");
        clock.set(Instant.parse("2026-11-24T15:00:00Z"));
        served.set(away("20261125", "20261201"));
        assertThat(command(channel, user, "away feed " + feed()).text()).contains("6 days");

        served.set("<html>Please sign in</html>");
        clock.set(Instant.parse("2026-11-25T15:00:00Z"));
        daysOff.refreshStale(ref -> java.time.ZoneOffset.UTC);
        String shown = command(channel, user, "away").text();
        assertThat(shown).contains("6 days from 2026-11-25 to 2026-11-30").contains("The latest read failed")
                .contains("not a calendar I can read");
        assertThat(people.calendar(slackRequests.team(), user).isAway(java.time.LocalDate.parse("2026-11-27"))).isTrue();

        served.set(away("20261125", "20261126"));
        clock.set(Instant.parse("2026-11-26T15:00:00Z"));
        daysOff.refreshStale(ref -> java.time.ZoneOffset.UTC);
        assertThat(command(channel, user, "away").text()).contains("1 day from 2026-11-25 to 2026-11-25")
                .doesNotContain("failed");
    }

    @Test
    void anUnreachableOrForbiddenFeedIsSavedWithAClearMessageOrRefused() throws IOException {
        String channel = newChannel();
        String user = newUser();
        int closed;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        assertThat(command(channel, user, "away feed http://127.0.0.1:" + closed + "/x.ics").text())
                .contains("couldn't read it").contains("did not answer");
        assertThat(command(channel, user, "away feed http://169.254.169.254/latest").text())
                .contains("I can't use that address");
        assertThat(command(channel, user, "away feed 2026-12-01").text()).contains("Give the address");
        assertThat(command(channel, user, "away feed off").text()).contains("Removed");
    }

    @Test
    void projectHolidaysAreNotWorkingDaysForTheQuietRule() {
        String channel = newChannel();
        String lead = newUser();
        String quietOne = newUser();
        slack.user(lead, "Holiday Lead", "UTC").user(quietOne, "Holiday Quiet", "UTC");
        post(channel, quietOne, "2026-11-25T15:00:00Z", "Update: Wednesday work Next: more");
        post(channel, lead, "2026-12-01T15:00:00Z", "Update: lead's Tuesday Next: more");
        clock.set(Instant.parse("2026-12-01T16:00:00Z"));
        assertThat(command(channel, lead, "status").body()).contains("No update for more than two working days");

        // The project's first poster leads it and names the other lead, who may then set its holidays.
        assertThat(command(channel, quietOne, "leads add <@" + lead + ">").text()).contains("<@" + lead + ">");
        assertThat(command(channel, lead, "holidays 2026-11-26, 2026-11-27").text())
                .contains("Public holidays of #off-").contains("Saved 2 days");
        assertThat(command(channel, lead, "status").body()).doesNotContain("No update for more than two working days");
        assertThat(command(channel, lead, "holidays").text()).contains("2 days from 2026-11-26 to 2026-11-27");
    }

    @Test
    void workspaceHolidaysFromAnIcsAddressAndBadInputIsRefusedPolitely() {
        String channel = newChannel();
        String user = newUser();
        slack.user(user, "Holiday Admin", "UTC").workspaceAdmin(user, false);
        served.set(away("20271225", "20271227"));
        String team = slackRequests.team();
        try {
            assertThat(command(channel, user, "holidays workspace " + feed()).text())
                    .contains("Public holidays of this workspace").contains("2 days from 2027-12-25 to 2027-12-26");
            assertThat(people.calendar(team, user).isWorkingDay(java.time.LocalDate.parse("2027-12-27"))).isTrue();
            assertThat(people.calendar(team, user).isWorkingDay(java.time.LocalDate.parse("2027-12-25"))).isFalse();
            assertThat(people.calendar(team, newUser()).isHoliday(java.time.LocalDate.parse("2027-12-25"))).isTrue();
        } finally {
            command(channel, user, "holidays workspace off");
        }
        assertThat(command(channel, user, "holidays workspace 2027-13-01").text()).contains("couldn't read `2027-13-01`");
        assertThat(command(newChannel(), user, "holidays 2027-12-25").text()).contains("not a project yet");
        assertThat(people.calendar(team, user).isHoliday(java.time.LocalDate.parse("2027-12-25"))).isFalse();
    }

    @Test
    void anUnknownZoneFromSlackOrAZoneChangeWithinADayLosesNothing() {
        String channel = newChannel();
        String user = newUser();
        slack.user(user, "Zone Mars", "Mars/Olympus_Mons");
        post(channel, user, "2026-12-01T15:00:00Z", "Update: written on Mars Next: land");
        assertThat(people.profile(slackRequests.team(), user).timeZoneKnown()).isFalse();
        assertThat(updatesOf("off-" + channel.toLowerCase(), "2026-12-01", "2026-12-01").toString())
                .contains("written on Mars");

        String traveller = newUser();
        slack.user(traveller, "Traveller", "Australia/Sydney");
        post(channel, traveller, "2026-12-01T01:00:00Z", "Update: Sydney Tuesday Next: fly");
        people.remember(slackRequests.team(), traveller, "Traveller", "America/Los_Angeles");
        post(channel, traveller, "2026-12-01T03:00:00Z", "Update: Los Angeles Monday evening Next: sleep");
        String both = updatesOf("off-" + channel.toLowerCase(), "2026-11-30", "2026-12-01").toString();
        assertThat(both).contains("Sydney Tuesday").contains("Los Angeles Monday evening");
    }

    @Test
    void onlyWorkspaceAdminsChangeTheWorkspacesHolidaysAndOnlyLeadsAProjectsButEveryoneReadsThem() {
        String channel = newChannel();
        String creator = newUser();
        String member = newUser();
        String admin = newUser();
        slack.user(creator, "Holiday Creator", "UTC").user(member, "Holiday Member", "UTC").user(admin, "Holiday Admin", "UTC")
                .workspaceAdmin(admin, false);
        post(channel, creator, "2026-11-24T15:00:00Z", "Update: first of the project Next: more");
        post(channel, member, "2026-11-24T16:00:00Z", "Update: a member's day Next: more");
        String team = slackRequests.team();
        java.time.LocalDate boxingDay = java.time.LocalDate.parse("2027-12-26");

        // The workspace's holidays change everyone's reminders: a member (or a project's lead) is refused,
        // however the word is written, and nothing is stored.
        for (String forged : List.of("holidays workspace 2027-12-26", "holidays WorkSpace\t2027-12-26",
                "holidays   workspace   off", "holidays workspace " + feed())) {
            assertThat(command(channel, member, forged).text()).as(forged)
                    .contains("Only the workspace's admins and owners can change its public holidays").contains("nothing was changed");
            assertThat(command(channel, creator, forged).text()).as(forged).contains("Only the workspace's admins and owners");
        }
        assertThat(people.calendar(team, member).isHoliday(boxingDay)).isFalse();
        // "workspaces …" is not the workspace: it is read as the project's holidays, which a member may not set either.
        assertThat(command(channel, member, "holidays workspaces 2027-12-26").text()).contains("Only the leads of *#off-");

        try {
            assertThat(command(channel, admin, "holidays workspace 2027-12-26").text())
                    .contains("Public holidays of this workspace").contains("Saved 1 day");
            assertThat(people.calendar(team, member).isHoliday(boxingDay)).isTrue();
            assertThat(command(channel, member, "holidays workspace").text()).contains("1 day from 2027-12-26 to 2027-12-26");
            assertThat(command(channel, member, "holidays workspace off").text()).contains("nothing was changed");
            assertThat(people.calendar(team, member).isHoliday(boxingDay)).isTrue();
        } finally {
            command(channel, admin, "holidays workspace off");
        }

        // A project's holidays: its leads (the creator here) and the workspace's admins; a member is told who leads it.
        assertThat(command(channel, member, "holidays 2027-12-24").text())
                .contains("Only the leads of *#off-").contains("<@" + creator + ">").contains("Nothing was changed");
        assertThat(command(channel, member, "holidays").text()).contains("No public holidays are set for #off-");
        assertThat(command(channel, creator, "holidays 2027-12-24").text()).contains("Saved 1 day");
        assertThat(command(channel, member, "holidays off").text()).contains("Only the leads of");
        assertThat(command(channel, member, "holidays").text()).contains("1 day from 2027-12-24 to 2027-12-24");
        assertThat(command(channel, admin, "holidays off").text()).contains("Removed");
    }
}
