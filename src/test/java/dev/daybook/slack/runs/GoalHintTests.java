package dev.daybook.slack.runs;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.daybook.projects.ProjectDirectory;
import dev.daybook.updates.UpdateRecorded;
import dev.daybook.updates.UpdateService;
import dev.daybook.updates.UpdateView;
import dev.daybook.testkit.FakeSlack;
import dev.daybook.testkit.SlackAppTest;

/** The hint about an unknown #goal reaches its author once per revision, however often the work is retried. */
class GoalHintTests extends SlackAppTest {

    @Autowired
    GoalHints hints;

    @Autowired
    UpdateService updates;

    @Autowired
    ProjectDirectory projects;

    private String channel;
    private String name;
    private String ada;

    @BeforeEach
    void aProject() {
        channel = newChannel();
        name = "hints-" + channel.toLowerCase();
        ada = newUser();
        slack.user(ada, "Ada", "UTC");
        clock.set(Instant.parse("2026-11-16T17:00:00Z"));
    }

    @Test
    void whenSlackFailsTheHintIsSentOnceSlackIsBackAndOnlyOnce() {
        slack.in(channel).failHttp("chat.postEphemeral", 1, 500);

        slackRequests.command("/update", "Update: worked on #no-such-goal Next: more", channel, name, ada);

        assertThat(slack.awaitCalls("chat.postEphemeral", this::aHint, 2)).as("the failed attempt, then the retry").hasSize(2);
        awaitWorkDone(channel, ada);
        assertThat(slack.calls("chat.postEphemeral", this::aHint)).hasSize(2);
        assertThat(shownHints()).hasSize(1);
    }

    @Test
    void theSameRevisionHandledAgainDoesNotHintTwiceButARevisionDoes() {
        slackRequests.command("/update", "Update: worked on #no-such-goal Next: more", channel, name, ada);
        slack.awaitCalls("chat.postEphemeral", this::aHint, 1);
        long projectId = projects.byChannel(FakeSlack.TEAM_ID, channel).orElseThrow().id();
        UpdateView update = updates.current(FakeSlack.TEAM_ID, projectId, ada).orElseThrow();

        // what the outbox does when it resubmits work that looked stuck
        hints.on(recorded(update, projectId));

        assertThat(slack.calls("chat.postEphemeral", this::aHint)).hasSize(1);

        slackRequests.command("/update", "Update: worked on #no-such-goal; and on #no-such-goal again Next: more",
                channel, name, ada);
        assertThat(slack.awaitCalls("chat.postEphemeral", this::aHint, 2)).as("a new revision gets its own hint").hasSize(2);
    }

    private UpdateRecorded recorded(UpdateView update, long projectId) {
        return UpdateRecorded.of(update, channel);
    }

    private boolean aHint(FakeSlack.Call call) {
        return ada.equals(call.param("user")) && channel.equals(call.param("channel"))
                && call.param("text") != null && call.param("text").contains("no-such-goal");
    }

    private List<FakeSlack.Posted> shownHints() {
        return slack.posted(channel).stream().filter(p -> p.allText().contains("no-such-goal") && ada.equals(p.user())).toList();
    }
}
