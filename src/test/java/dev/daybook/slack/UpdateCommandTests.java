package dev.daybook.slack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.daybook.testkit.FakeSlack;
import dev.daybook.testkit.SlackAppTest;
import dev.daybook.testkit.SlackRequests.Answer;

class UpdateCommandTests extends SlackAppTest {

    @Test
    void recordsTheUpdateAnswersTheAuthorAndSharesItInTheChannel() {
        String channel = newChannel();
        String user = newUser();
        slack.user(user, "Ada Lovelace", "Europe/London");

        Answer answer = slackRequests.command("/update",
                "Update:\n- cleaned the invoices [core 2h]\n- ULMFiT baseline F1 0.87\nNext:\n- tune it\nBlockers:\n- label guide",
                channel, "acme-churn", user);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.json().get("response_type").getAsString()).isEqualTo("ephemeral");
        assertThat(answer.text()).contains("Recorded your update").contains("#acme-churn").contains("2 done, 1 next, 1 blocker");

        List<FakeSlack.Posted> shared = slack.awaitPosted(channel, 1);
        assertThat(shared).hasSize(1);
        assertThat(shared.get(0).allText()).contains("Ada Lovelace").contains("cleaned the invoices")
                .contains("core 2h").contains("tune it").contains("label guide");
    }
}
