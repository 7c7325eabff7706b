package dev.daybook.slack.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import com.google.gson.JsonObject;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;

import dev.daybook.digest.Digests;
import dev.daybook.digest.IsoWeek;
import dev.daybook.projects.Category;
import dev.daybook.projects.Project;
import dev.daybook.projects.ProjectDirectory;
import dev.daybook.projects.ProjectSettings;
import dev.daybook.projects.ShareMode;
import dev.daybook.testkit.FakeSlack;
import dev.daybook.testkit.SlackAppTest;
import dev.daybook.testkit.SlackRequests.Answer;

/**
 * Sweeps authors and projects over the zones people live in (UTC−11 to UTC+14, and :30 and :45 ones)
 * and instants over whole weeks around both 2027 DST changes, against invariants every view must keep:
 * an unresolved blocker is open in the status, the week's summary, its author's App Home and the read
 * API alike; once resolved it is open in none; no age is negative or differs between views.
 *
 * <p>Generated cases (a fixed seed, so a failure names a case that fails again) rather than jqwik:
 * jqwik is not among the build's dependencies, and the JUnit 6 platform the suite runs on is newer
 * than the one it is built for. Each case goes through Slack and HTTP, so there are few of them.
 */
class TheirDaySweepTests extends SlackAppTest {

    static final List<String> ZONES = List.of("Pacific/Pago_Pago", "Pacific/Honolulu", "America/Los_Angeles",
            "America/New_York", "UTC", "Europe/London", "Asia/Kolkata", "Asia/Kathmandu", "Asia/Shanghai",
            "Australia/Brisbane", "Australia/Sydney", "Pacific/Auckland", "Pacific/Chatham", "Pacific/Kiritimati");
    static final List<String> PROJECT_ZONES = List.of("UTC", "America/Los_Angeles", "Pacific/Auckland");
    /** Weeks holding the 2027 changes: US spring (14 March), EU spring (28 March), EU autumn (31 October), US autumn (7 November). */
    static final List<Instant> WEEKS = List.of(Instant.parse("2027-03-10T00:00:00Z"), Instant.parse("2027-03-24T00:00:00Z"),
            Instant.parse("2027-10-27T00:00:00Z"), Instant.parse("2027-11-03T00:00:00Z"));
    static final int CASES = 16;

    record Case(String author, String project, Instant at) {
        @Override
        public String toString() {
            return author + " in a " + project + " project at " + at;
        }
    }

    static Stream<Case> cases() {
        Random random = new Random(20270314L);
        List<Case> cases = new ArrayList<>();
        for (int i = 0; i < CASES; i++) {
            // Every author zone at least once; instants anywhere in a week, to the minute.
            String author = i < ZONES.size() ? ZONES.get(i) : ZONES.get(random.nextInt(ZONES.size()));
            String project = PROJECT_ZONES.get(random.nextInt(PROJECT_ZONES.size()));
            Instant at = WEEKS.get(random.nextInt(WEEKS.size())).plus(random.nextInt(7 * 24 * 60), ChronoUnit.MINUTES);
            cases.add(new Case(author, project, at));
        }
        return cases.stream();
    }

    @Autowired
    ProjectDirectory projects;

    @Autowired
    Digests digests;

    private static final Pattern AGE = Pattern.compile("open (since today|-?\\d+ days?)");

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void anUnresolvedBlockerIsOpenEverywhereWithOneAgeAndAResolvedOneNowhere(Case c) {
        String channel = newChannel();
        String name = "sweep-" + channel.toLowerCase();
        String author = newUser();
        slack.user(author, "Sweeper " + author.substring(author.length() - 5), c.author());
        ZoneId zone = ZoneId.of(c.author());
        String blocker = "waiting on access " + channel.toLowerCase();

        clock.set(c.at());
        assertThat(slackRequests.command("/update", "Update: started Blockers: " + blocker, channel, name, author)
                .text()).contains("Recorded");
        Project project = projects.changeSettings(FakeSlack.TEAM_ID, channel,
                new ProjectSettings(null, Category.CORE, ShareMode.CHANNEL, ZoneId.of(c.project())));
        LocalDate day = c.at().atZone(zone).toLocalDate(); // a first post is filed under its author's day

        // Later the same week and the next: the age grows in the author's days, the same in every view.
        for (long later : List.of(0L, 30L, 26 * 60L)) {
            clock.set(c.at().plus(later, ChronoUnit.MINUTES));
            long expected = ChronoUnit.DAYS.between(day, clock.instant().atZone(zone).toLocalDate());
            String status = slackRequests.command("/daybook", "status", channel, name, author).body();
            String home = openHome(author);
            assertThat(status).as("status").contains(blocker);
            assertThat(home).as("App Home").contains(blocker);
            assertThat(age(status)).as("age in the status").isEqualTo(ageText(expected)).isEqualTo(age(home));
            var summary = digests.summary(project, IsoWeek.of(day));
            assertThat(summary.blockersOpen()).as("the summary of the week it was written in")
                    .anySatisfy(b -> {
                        assertThat(b.text()).isEqualTo(blocker);
                        assertThat(b.ageDays()).isBetween(0, (int) expected);
                    });
            Answer api = apiGet("/api/v1/updates?project=" + name);
            assertThat(api.body()).as("the read API's default window").contains(blocker).contains(day.toString());
        }

        // Resolved the next afternoon in the author's own day: open nowhere.
        Instant resolvedAt = day.plusDays(1).atTime(LocalTime.of(14, 0)).atZone(zone).toInstant();
        clock.set(resolvedAt);
        assertThat(slackRequests.command("/update", "Update: got access Blockers: none", channel, name, author).text())
                .contains("Recorded");
        assertThat(slackRequests.command("/daybook", "status", channel, name, author).body()).doesNotContain(blocker);
        assertThat(openHome(author)).doesNotContain(blocker);
        assertThat(digests.summary(project, IsoWeek.of(day.plusDays(1))).blockersOpen())
                .noneSatisfy(b -> assertThat(b.text()).isEqualTo(blocker));
    }

    private static String ageText(long days) {
        return days == 0 ? "open since today" : days == 1 ? "open 1 day" : "open " + days + " days";
    }

    private static String age(String view) {
        Matcher m = AGE.matcher(view);
        assertThat(m.find()).as("an age in " + view).isTrue();
        return m.group();
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
}
