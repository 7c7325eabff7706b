package dev.daybook.slack.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

import dev.daybook.goals.GoalDraft;
import dev.daybook.runs.RunReport;
import dev.daybook.testkit.FakeSlack;
import dev.daybook.testkit.SlackAppTest;
import dev.daybook.testkit.SlackRequests;
import dev.daybook.testkit.SlackRequests.Answer;

/** Questions in mentions and direct messages, answered from the data and only for those who may see it. */
class QuestionTests extends SlackAppTest {

    private static final LocalDate MONDAY = LocalDate.parse("2026-11-23");

    @org.springframework.beans.factory.annotation.Autowired
    dev.daybook.projects.ProjectDirectory projects;

    @org.springframework.beans.factory.annotation.Autowired
    dev.daybook.goals.GoalService goals;

    @org.springframework.beans.factory.annotation.Autowired
    dev.daybook.runs.RunService runs;
    private static final Instant FRIDAY_AFTERNOON = Instant.parse("2026-11-27T16:00:00Z");

    private void post(String channel, String name, String user, LocalDate day, String text) {
        clock.set(Instant.parse(day + "T15:00:00Z"));
        assertThat(slackRequests.command("/update", text, channel, name, user).text()).contains("Recorded");
    }

    private record Project(String channel, String name, String ada, String bob) {
    }

    private Project project(String name) {
        String channel = newChannel();
        String ada = newUser();
        String bob = newUser();
        slack.user(ada, "Ada " + name, "UTC").user(bob, "Bob " + name, "UTC");
        post(channel, name, ada, MONDAY, "Update: cleaned the invoices Next: train Blockers: need the label guide");
        post(channel, name, bob, MONDAY.plusDays(1), "Update: built the loader [core 3h] Next: profile it");
        post(channel, name, bob, MONDAY.plusDays(3), "Update: profiled the loader Next: cache it");
        clock.set(FRIDAY_AFTERNOON);
        return new Project(channel, name, ada, bob);
    }

    private FakeSlack.Call ask(String channel, String user, String text) {
        String ts = ts(clock.instant().plusMillis(System.nanoTime() % 1000));
        Answer answer = slackRequests.event(SlackRequests.appMention(channel, user, "<@" + FakeSlack.BOT_USER_ID + "> " + text, ts));
        assertThat(answer.status()).isEqualTo(200);
        return answered(channel, ts, user);
    }

    private FakeSlack.Call askDirectly(String user, String text) {
        String ts = ts(clock.instant().plusMillis(System.nanoTime() % 1000));
        Answer answer = slackRequests.event(SlackRequests.directMessage(user, text, ts));
        assertThat(answer.status()).isEqualTo(200);
        return Awaitility.await().until(() -> slack.calls("chat.postMessage",
                c -> FakeSlack.dm(user).equals(c.param("channel"))), calls -> !calls.isEmpty()).get(0);
    }

    /** The reply in the mention's thread, or the one shown to the asker alone. */
    private FakeSlack.Call answered(String channel, String ts, String user) {
        return Awaitility.await().until(() -> {
            List<FakeSlack.Call> calls = new java.util.ArrayList<>(slack.calls("chat.postMessage",
                    c -> channel.equals(c.param("channel")) && ts.equals(c.param("thread_ts"))));
            calls.addAll(slack.calls("chat.postEphemeral",
                    c -> channel.equals(c.param("channel")) && user.equals(c.param("user")) && ts.equals(c.param("thread_ts"))));
            return calls;
        }, calls -> !calls.isEmpty()).get(0);
    }

    private static String all(FakeSlack.Call call) {
        return call.param("text") + "\n" + call.param("blocks");
    }

    @Test
    void statusOfAProjectInAThreadReply() {
        Project p = project("orbit-" + newChannel().toLowerCase().substring(1, 6));
        FakeSlack.Call reply = ask(newChannel(), p.bob(), "status of " + p.name() + "?");
        assertThat(reply.method()).isEqualTo("chat.postMessage");
        assertThat(all(reply)).contains("Status of #" + p.name()).contains("profiled the loader").contains("cache it")
                .contains("need the label guide").doesNotContain(StatusBlocks.SHARE).doesNotContain("<@" + p.ada());
    }

    @Test
    void aBareStatusInTheProjectChannelMeansThatProject() {
        Project p = project("lumen-" + newChannel().toLowerCase().substring(1, 6));
        assertThat(all(ask(p.channel(), p.ada(), "status"))).contains("Status of #" + p.name());
    }

    @Test
    void whatIsBlockingInEnglishAndChinese() {
        Project p = project("quasar-" + newChannel().toLowerCase().substring(1, 6));
        assertThat(all(ask(newChannel(), p.bob(), "what's blocking " + p.name() + "?")))
                .contains("need the label guide").contains("Ada " + p.name()).contains("open 4 days");
        assertThat(all(askDirectly(p.bob(), p.name() + " 有什么阻碍"))).contains("need the label guide");
    }

    @Test
    void whatDidSomeoneDoThisWeekByNameOrMention() {
        Project p = project("nebula-" + newChannel().toLowerCase().substring(1, 6));
        String answer = all(askDirectly(p.ada(), "what did Bob " + p.name() + " do this week?"));
        assertThat(answer).contains("What Bob " + p.name() + " did this week").contains("built the loader")
                .contains("3h").contains("profiled the loader").contains("#" + p.name());
        assertThat(all(ask(newChannel(), p.ada(), "what did <@" + p.bob() + "> do last week")))
                .contains("has no updates last week");
    }

    @Test
    void whoIsWorkingOnAProjectByAWordOfItsName() {
        String word = "pulsar" + newChannel().toLowerCase().substring(1, 5);
        Project p = project("acme-" + word);
        assertThat(all(ask(newChannel(), p.ada(), "who is working on " + word)))
                .contains("Ada acme-" + word).contains("Bob acme-" + word).contains("Thu 26 Nov");
        assertThat(all(askDirectly(p.ada(), "谁在做 " + word))).contains("Bob acme-" + word);
    }

    @Test
    void unclearQuestionsGetTheListOfWhatCanBeAnsweredNotAGuess() {
        Project p = project("vortex-" + newChannel().toLowerCase().substring(1, 6));
        FakeSlack.Call reply = ask(p.channel(), p.ada(), "can you order pizza?");
        assertThat(reply.method()).isEqualTo("chat.postEphemeral");
        assertThat(all(reply)).contains("I can answer questions like these").doesNotContain("Status of");
        assertThat(all(askDirectly(p.ada(), "hello there"))).contains("I can answer questions like these");
        assertThat(all(ask(newChannel(), p.bob(), "Update: did things Next: more"))).contains("looks like an end-of-day update");
        assertThat(all(ask(newChannel(), p.ada(), "status of nothing-like-this-exists")))
                .contains("I don't know a project called");
    }

    @Test
    void aPrivateProjectIsAnsweredOnlyToItsMembersAndNeverInAnotherChannel() {
        String channel = newChannel();
        String name = "cipher-" + channel.toLowerCase().substring(1, 6);
        String ada = newUser();
        String eve = newUser();
        slack.privateChannel(channel, name, ada).user(ada, "Ada Cipher", "UTC");
        post(channel, name, ada, MONDAY, "Update: the hidden model Next: more Blockers: hidden blocker");
        clock.set(FRIDAY_AFTERNOON);

        assertThat(all(askDirectly(eve, "what's blocking " + name))).contains("only its members")
                .doesNotContain("hidden blocker");
        FakeSlack.Call inPublic = ask(newChannel(), ada, "status of " + name);
        assertThat(inPublic.method()).as("shown to the member alone").isEqualTo("chat.postEphemeral");
        assertThat(all(inPublic)).contains("the hidden model");
        assertThat(all(ask(channel, ada, "status")).contains("the hidden model")).isNotNull();
    }

    @Test
    void bestRunAndGoalsFromVerifiedRunsOnly() {
        Project p = project("astro-" + newChannel().toLowerCase().substring(1, 6));
        long projectId = projects.byChannel(FakeSlack.TEAM_ID, p.channel()).orElseThrow().id();
        assertThat(all(ask(newChannel(), p.ada(), "best run for " + p.name()))).contains("No runs with metrics");
        assertThat(all(ask(newChannel(), p.ada(), p.name() + " goals"))).contains("has no client goals yet");

        goals.save(FakeSlack.TEAM_ID, projectId, null, new GoalDraft("recall", "Recall on fraud", null,
                "recall >= 0.8", null, "active"));
        runs.report(FakeSlack.TEAM_ID, projectId, RunReport.referenced("run", "r1-" + p.channel(), null,
                java.util.Map.of("recall", 0.75), p.ada()));
        runs.verify(FakeSlack.TEAM_ID, runs.byExternalId(FakeSlack.TEAM_ID, projectId, "r1-" + p.channel())
                .orElseThrow().id(), p.bob());
        runs.report(FakeSlack.TEAM_ID, projectId, RunReport.referenced("run", "r2-" + p.channel(), null,
                java.util.Map.of("recall", 0.9), p.ada()));

        String best = all(ask(newChannel(), p.bob(), "best run for " + p.name()));
        assertThat(best).contains("Best verified runs").contains("recall").contains("0.75").contains("r1-" + p.channel())
                .contains("Waiting for a teammate to verify").contains("r2-" + p.channel());
        assertThat(all(askDirectly(p.bob(), p.name() + " 的目标"))).contains("#recall").contains("target recall")
                .contains("best verified 0.75").contains("not met yet");
    }

    @Test
    void aRetriedEventIsAnsweredOnce() {
        Project p = project("comet-" + newChannel().toLowerCase().substring(1, 6));
        String ts = ts(clock.instant());
        var event = SlackRequests.directMessage(p.ada(), "status of " + p.name(), ts);
        slackRequests.event(event, "EvQUESTION" + p.channel(), 0);
        slackRequests.event(event, "EvQUESTION" + p.channel(), 1);
        Awaitility.await().until(() -> !slack.calls("chat.postMessage",
                c -> FakeSlack.dm(p.ada()).equals(c.param("channel"))).isEmpty());
        assertThat(slack.calls("chat.postMessage", c -> FakeSlack.dm(p.ada()).equals(c.param("channel")))).hasSize(1);
    }
}
