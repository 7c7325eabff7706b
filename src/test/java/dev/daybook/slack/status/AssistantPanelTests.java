package dev.daybook.slack.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonObject;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.daybook.projects.ProjectDirectory;
import dev.daybook.projects.ProjectSettings;
import dev.daybook.runs.RunReport;
import dev.daybook.runs.RunService;
import dev.daybook.testkit.FakeSlack;
import dev.daybook.testkit.SlackAppTest;
import dev.daybook.testkit.SlackRequests;
import dev.daybook.testkit.SlackSigner;

/**
 * Slack's assistant panel, through {@code /slack/events}: prompts in a new thread, questions answered in
 * the thread from the data with their sources and the thread's status while Daybook looks, and the
 * mentions and direct messages of a workspace without the panel left as they were.
 */
class AssistantPanelTests extends SlackAppTest {

    private static final LocalDate MONDAY = LocalDate.parse("2026-11-23");
    private static final Instant WEDNESDAY = Instant.parse("2026-11-25T15:00:00Z");

    @Autowired
    ProjectDirectory projects;

    @Autowired
    RunService runs;

    private record Team(String channel, String name, String ada, String bob) {
    }

    /** A project where Ada posted an update (with a blocker) and Bob one, both shared with a permalink. */
    private Team team(String name) {
        String channel = newChannel();
        String ada = newUser();
        String bob = newUser();
        slack.user(ada, "Ada " + name, "UTC").user(bob, "Bob " + name, "UTC");
        clock.set(Instant.parse(MONDAY + "T15:00:00Z"));
        update(channel, name, ada, "Update: cleaned the invoices Next: train the baseline; write the report "
                + "Blockers: need the label guide");
        clock.set(Instant.parse(MONDAY + "T16:00:00Z"));
        update(channel, name, bob, "Update: built the loader Next: profile it");
        clock.set(WEDNESDAY);
        return new Team(channel, name, ada, bob);
    }

    private void update(String channel, String name, String user, String text) {
        int before = slack.posted(channel).size();
        assertThat(slackRequests.command("/update", text, channel, name, user).text()).contains("Recorded");
        FakeSlack.Posted shared = slack.awaitPosted(channel, before + 1).get(before);
        Awaitility.await().until(() -> !slack.calls("chat.getPermalink",
                c -> channel.equals(c.param("channel")) && shared.ts().equals(c.param("message_ts"))).isEmpty());
        awaitWorkDone(channel);
    }

    private static String permalinkOf(String channel, String ts) {
        return "https://daybook-test.slack.com/archives/" + channel + "/p" + ts.replace(".", "");
    }

    private String thread(String user, String viewing) {
        String threadTs = ts(clock.instant().plusMillis(System.nanoTime() % 1000));
        assertThat(slackRequests.event(SlackRequests.assistantThreadStarted(user, threadTs, viewing)).status()).isEqualTo(200);
        slack.awaitCalls("assistant.threads.setSuggestedPrompts", c -> threadTs.equals(c.param("thread_ts")), 1);
        return threadTs;
    }

    private String newTs() {
        return ts(clock.instant().plusMillis(1 + System.nanoTime() % 1000));
    }

    /** The answer in the panel's thread, once its status was cleared again. */
    private FakeSlack.Call ask(String user, String threadTs, String text) {
        assertThat(slackRequests.event(SlackRequests.assistantMessage(user, threadTs, text, newTs())).status()).isEqualTo(200);
        return answer(user, threadTs);
    }

    private FakeSlack.Call answer(String user, String threadTs) {
        FakeSlack.Call answer = slack.awaitCalls("chat.postMessage", c -> FakeSlack.dm(user).equals(c.param("channel"))
                && threadTs.equals(c.param("thread_ts")), 1).get(0);
        slack.awaitCalls("assistant.threads.setStatus", c -> threadTs.equals(c.param("thread_ts"))
                && "".equals(c.param("status")), 1);
        return answer;
    }

    private List<FakeSlack.Call> answers(String user, String threadTs) {
        return slack.calls("chat.postMessage", c -> FakeSlack.dm(user).equals(c.param("channel"))
                && threadTs.equals(c.param("thread_ts")));
    }

    private static String all(FakeSlack.Call call) {
        return call.param("text") + "\n" + call.param("blocks");
    }

    private static List<String> promptMessages(FakeSlack.Call call) {
        return call.json("prompts").getAsJsonArray().asList().stream()
                .map(p -> p.getAsJsonObject().get("message").getAsString()).toList();
    }

    @Test
    void aNewThreadGetsTheFourPromptsNamingAProjectOfTheAskers() {
        Team t = team("orca-" + newChannel().toLowerCase().substring(1, 6));
        String threadTs = thread(t.ada(), null);

        FakeSlack.Call prompts = slack.calls("assistant.threads.setSuggestedPrompts",
                c -> threadTs.equals(c.param("thread_ts"))).get(0);
        assertThat(prompts.param("channel_id")).isEqualTo(FakeSlack.dm(t.ada()));
        assertThat(promptMessages(prompts)).containsExactly("Status of #" + t.name(), "What's blocking my projects?",
                "What did I say I'd do next?", "Best verified run this week");

        // Beside another project's channel, the first prompt names that one; a newcomer gets the example.
        Team other = team("seal-" + newChannel().toLowerCase().substring(1, 6));
        String beside = thread(t.ada(), other.channel());
        assertThat(promptMessages(slack.calls("assistant.threads.setSuggestedPrompts",
                c -> beside.equals(c.param("thread_ts"))).get(0))).first().isEqualTo("Status of #" + other.name());
        String newcomer = newUser();
        String fresh = thread(newcomer, null);
        assertThat(promptMessages(slack.calls("assistant.threads.setSuggestedPrompts",
                c -> fresh.equals(c.param("thread_ts"))).get(0))).first().isEqualTo("Status of #acme-nlp");
    }

    @Test
    void eachPromptIsAnsweredInTheThreadFromTheDataWithItsSources() {
        Team t = team("kiwi-" + newChannel().toLowerCase().substring(1, 6));
        String threadTs = thread(t.ada(), null);
        String adasTs = slack.posted(t.channel()).get(0).ts();

        FakeSlack.Call status = ask(t.ada(), threadTs, "Status of #" + t.name());
        assertThat(all(status)).contains("Status of #" + t.name()).contains("built the loader").contains("Sources:")
                .contains(permalinkOf(t.channel(), adasTs));
        List<FakeSlack.Call> statuses = slack.calls("assistant.threads.setStatus", c -> threadTs.equals(c.param("thread_ts")));
        assertThat(statuses).extracting(c -> c.param("status")).containsExactly(AssistantPanel.LOOKING, "");
        assertThat(statuses).allSatisfy(c -> assertThat(c.param("channel_id")).isEqualTo(FakeSlack.dm(t.ada())));
        assertThat(statuses.get(0).at()).isLessThanOrEqualTo(status.at());

        String blocking = newThreadAnswer(t.bob(), "What's blocking my projects?");
        assertThat(blocking).contains("Open blockers in your projects").contains("#" + t.name())
                .contains("need the label guide").contains("Ada " + t.name()).contains(permalinkOf(t.channel(), adasTs));

        String next = newThreadAnswer(t.ada(), "What did I say I'd do next?");
        assertThat(next).contains("What you said you'd do next").contains("#" + t.name()).contains("train the baseline")
                .contains("write the report").doesNotContain("profile it").contains(permalinkOf(t.channel(), adasTs));
        assertThat(newThreadAnswer(t.ada(), "我接下来要做什么")).contains("train the baseline");
    }

    private String newThreadAnswer(String user, String text) {
        return all(ask(user, thread(user, null), text));
    }

    @Test
    void bestVerifiedRunThisWeekAcrossTheAskersProjectsOrTheOneNamed() {
        Team t = team("lynx-" + newChannel().toLowerCase().substring(1, 6));
        long projectId = projects.byChannel(FakeSlack.TEAM_ID, t.channel()).orElseThrow().id();
        String week = "Best verified run this week";
        assertThat(newThreadAnswer(t.ada(), week)).contains("No verified run this week in #" + t.name());

        clock.set(Instant.parse("2026-11-16T12:00:00Z")); // last week: not this week's best
        runs.report(FakeSlack.TEAM_ID, projectId, RunReport.referenced("run", "old-" + t.channel(), null,
                Map.of("f1", 0.70), t.ada()));
        runs.verify(FakeSlack.TEAM_ID, runs.byExternalId(FakeSlack.TEAM_ID, projectId, "old-" + t.channel()).orElseThrow().id(), t.bob());
        clock.set(WEDNESDAY);
        // Each a new best when reported, so each has something for a teammate to check.
        for (Map.Entry<String, Double> run : List.of(Map.entry("good-", 0.81), Map.entry("better-", 0.86))) {
            runs.report(FakeSlack.TEAM_ID, projectId, RunReport.referenced("run", run.getKey() + t.channel(), null,
                    Map.of("f1", run.getValue()), t.ada()));
            assertThat(runs.verify(FakeSlack.TEAM_ID, runs.byExternalId(FakeSlack.TEAM_ID, projectId,
                    run.getKey() + t.channel()).orElseThrow().id(), t.bob())).isEqualTo(RunService.Outcome.DONE);
        }
        runs.report(FakeSlack.TEAM_ID, projectId, RunReport.referenced("run", "unchecked-" + t.channel(), null,
                Map.of("f1", 0.99), t.ada()));

        String best = newThreadAnswer(t.ada(), week);
        assertThat(best).contains("Best verified run this week in your projects").contains("#" + t.name())
                .contains("f1").contains("0.86").contains("better-" + t.channel())
                .doesNotContain("old-" + t.channel()).doesNotContain("0.99").contains("1 more run waiting");
        assertThat(newThreadAnswer(t.bob(), "best verified run this week for " + t.name()))
                .contains("Best verified run this week in #" + t.name()).contains("better-" + t.channel());
        assertThat(newThreadAnswer(t.bob(), "best run last week for " + t.name())).contains("old-" + t.channel())
                .contains("0.7");
    }

    @Test
    void aNameSeveralProjectsShareIsAskedAboutNotGuessed() {
        String word = "heron" + newChannel().toLowerCase().substring(1, 5);
        Team nlp = team(word + "-nlp");
        Team churn = team(word + "-churn");
        String answer = newThreadAnswer(nlp.ada(), "Status of " + word);
        assertThat(answer).contains("could be").contains("#" + nlp.name()).contains("#" + churn.name())
                .contains("Which one?").doesNotContain("built the loader");
        assertThat(newThreadAnswer(nlp.ada(), "what's blocking " + word + "?")).contains("Which one?");
        assertThat(newThreadAnswer(nlp.ada(), "Status of #no-such-project-" + word))
                .contains("I don't know a project called");

        // Two projects for one client, asked about by the client's name.
        String client = "Globex" + newChannel().substring(1, 5);
        Team first = team("alpha-" + newChannel().toLowerCase().substring(1, 6));
        Team second = team("beta-" + newChannel().toLowerCase().substring(1, 6));
        for (Team t : List.of(first, second)) {
            var p = projects.byChannel(FakeSlack.TEAM_ID, t.channel()).orElseThrow();
            projects.changeSettings(FakeSlack.TEAM_ID, t.channel(),
                    new ProjectSettings(client, p.defaultCategory(), p.shareMode(), p.timeZone()));
        }
        assertThat(newThreadAnswer(first.ada(), "What did I say I'd do next in " + client + "?"))
                .contains("#" + first.name()).contains("#" + second.name()).contains("Which one?")
                .doesNotContain("train the baseline");
    }

    @Test
    void anEmptyOrOversizedMessageGetsWhatCanBeAskedAndTheStatusIsCleared() {
        String user = newUser();
        String threadTs = thread(user, null);
        assertThat(all(ask(user, threadTs, ""))).contains("I can answer questions like these")
                .contains("what did I say I'd do next?");
        String other = thread(user, null);
        assertThat(all(ask(user, other, "status of " + "x".repeat(5000)))).contains("I can answer questions like these");
        // Someone with no updates asking about their own projects is told so, not shown an empty list.
        assertThat(newThreadAnswer(user, "What's blocking my projects?")).contains("haven't posted an update");
    }

    @Test
    void slacksRetryOfAQuestionIsAnsweredOnceAndOfAThreadPromptedOnce() {
        Team t = team("wren-" + newChannel().toLowerCase().substring(1, 6));
        String threadTs = ts(clock.instant().plusMillis(7));
        JsonObject started = SlackRequests.assistantThreadStarted(t.ada(), threadTs, null);
        slackRequests.event(started, "EvSTART" + t.channel(), 0);
        slackRequests.event(started, "EvSTART" + t.channel(), 1);
        JsonObject question = SlackRequests.assistantMessage(t.ada(), threadTs, "What's blocking my projects?", newTs());
        slackRequests.event(question, "EvASK" + t.channel(), 0);
        slackRequests.event(question, "EvASK" + t.channel(), 1);
        answer(t.ada(), threadTs);
        awaitWorkDone(t.channel(), t.ada());
        assertThat(answers(t.ada(), threadTs)).hasSize(1);
        assertThat(slack.calls("assistant.threads.setSuggestedPrompts", c -> threadTs.equals(c.param("thread_ts")))).hasSize(1);
    }

    @Test
    void aForgedPanelEventIsRefusedAndNothingIsSaid() {
        String user = newUser();
        String threadTs = newTs();
        SlackRequests forger = new SlackRequests(baseUrl(), new SlackSigner("not-the-signing-secret"), clock);
        assertThat(forger.event(SlackRequests.assistantThreadStarted(user, threadTs, null)).status()).isEqualTo(401);
        assertThat(forger.event(SlackRequests.assistantMessage(user, threadTs, "status of acme", newTs())).status())
                .isEqualTo(401);
        // A genuine start afterwards shows the forged one left nothing behind to answer from.
        thread(user, null);
        assertThat(slack.calls("assistant.threads.setSuggestedPrompts", c -> threadTs.equals(c.param("thread_ts")))).isEmpty();
        assertThat(slack.calls("assistant.threads.setStatus", c -> threadTs.equals(c.param("thread_ts")))).isEmpty();
        assertThat(answers(user, threadTs)).isEmpty();
    }

    @Test
    void withoutThePanelMentionsAndDirectMessagesWorkAsBefore() {
        Team t = team("moth-" + newChannel().toLowerCase().substring(1, 6));
        // A plain direct message: answered in the DM, not in a thread, and no panel status.
        String dmTs = newTs();
        slackRequests.event(SlackRequests.directMessage(t.ada(), "status of " + t.name(), dmTs));
        FakeSlack.Call direct = slack.awaitCalls("chat.postMessage", c -> FakeSlack.dm(t.ada()).equals(c.param("channel")), 1).get(0);
        assertThat(all(direct)).contains("Status of #" + t.name());
        assertThat(direct.param("thread_ts")).isNull();
        // The new questions work there too, and in a mention.
        String mentionTs = newTs();
        String elsewhere = newChannel();
        slackRequests.event(SlackRequests.appMention(elsewhere, t.bob(), "<@" + FakeSlack.BOT_USER_ID
                + "> what did I say I'd do next?", mentionTs));
        FakeSlack.Call mine = slack.awaitCalls("chat.postEphemeral", c -> elsewhere.equals(c.param("channel"))
                && t.bob().equals(c.param("user")), 1).get(0);
        assertThat(all(mine)).contains("profile it").doesNotContain("train the baseline");
        // A threaded reply in the DM outside any panel thread stays ignored, as it always was.
        String reminderTs = newTs();
        slackRequests.event(SlackRequests.assistantMessage(t.ada(), reminderTs, "status of " + t.name(), newTs()));
        awaitWorkDone(t.ada());
        assertThat(answers(t.ada(), reminderTs)).isEmpty();
        assertThat(slack.calls("assistant.threads.setStatus", c -> reminderTs.equals(c.param("thread_ts")))).isEmpty();
        assertThat(slack.calls("chat.postMessage", c -> FakeSlack.dm(t.ada()).equals(c.param("channel")))).hasSize(1);
    }

    @Test
    void aBareStatusBesideAProjectChannelMeansThatProject() {
        Team t = team("puma-" + newChannel().toLowerCase().substring(1, 6));
        String threadTs = thread(t.bob(), t.channel());
        assertThat(all(ask(t.bob(), threadTs, "status"))).contains("Status of #" + t.name());
        // Moving to another channel beside the thread: the next bare question follows.
        Team other = team("ibis-" + newChannel().toLowerCase().substring(1, 6));
        JsonObject changed = SlackRequests.assistantThreadStarted(t.bob(), threadTs, other.channel());
        changed.addProperty("type", "assistant_thread_context_changed");
        assertThat(slackRequests.event(changed).status()).isEqualTo(200);
        slackRequests.event(SlackRequests.assistantMessage(t.bob(), threadTs, "status", newTs()));
        List<FakeSlack.Call> both = Awaitility.await().until(() -> answers(t.bob(), threadTs), l -> l.size() >= 2);
        assertThat(all(both.get(1))).contains("Status of #" + other.name());
    }
}
