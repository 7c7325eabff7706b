package dev.daybook.slack.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.daybook.testkit.SlackAppTest;
import dev.daybook.webhooks.Receiver;

/** {@code /daybook webhooks}: leads add and see a project's webhooks and their last delivery. */
class WebhooksCommandTests extends SlackAppTest {

    private Receiver receiver;
    private String channel;
    private String name;
    private String lead;
    private String member;
    private Instant now = Instant.parse("2026-11-24T16:00:00Z");

    @BeforeEach
    void aProject() throws Exception {
        receiver = new Receiver();
        channel = newChannel();
        name = "whc-" + channel.toLowerCase();
        lead = newUser();
        member = newUser();
        slack.user(lead, "Lena", "UTC").user(member, "Max", "UTC");
        update(lead);
    }

    @AfterEach
    void stop() {
        receiver.close();
    }

    @Test
    void aLeadAddsAWebhookAndSeesItsLastDelivery() {
        String added = command("webhooks add <" + receiver.url("/hook") + "> update.recorded", lead);
        assertThat(added).contains("added").contains("whsec_").contains("X-Daybook-Signature");

        update(member);

        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> receiver.at("/hook").size() == 1);
        Awaitility.await().untilAsserted(() -> assertThat(command("webhooks", member))
                .contains(receiver.url("/hook")).contains("update.recorded").contains("last delivery: 200"));
    }

    @Test
    void aStoppedWebhookIsShownOffWithWhyAndCanBeTurnedOn() {
        receiver.answer("/gone", 410);
        String added = command("webhooks add " + receiver.url("/gone"), lead);
        String id = added.replaceAll("(?s).*Webhook `(\\d+)`.*", "$1");

        update(member);

        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(command("webhooks", lead))
                .contains(":no_entry: off").contains("410 Gone").contains("/daybook webhooks on " + id));
        assertThat(command("webhooks on " + id, lead)).contains("on again");
        assertThat(command("webhooks", lead)).doesNotContain(":no_entry: off");
        assertThat(command("webhooks remove " + id, lead)).contains("removed");
        assertThat(command("webhooks", lead)).contains("No webhooks");
    }

    @Test
    void membersPrivateAddressesAndUnknownEventsAreRefused() {
        assertThat(command("webhooks add " + receiver.url("/x"), member)).contains("Only the leads of");
        assertThat(command("webhooks add https://192.168.1.10/hook", lead)).contains("private network");
        assertThat(command("webhooks add " + receiver.url("/x") + " update.deleted", lead)).contains("is not an event")
                .contains("`summary.posted`");
        assertThat(command("webhooks add " + receiver.url("/x") + " workspace", lead)).contains("admins and owners");
        assertThat(command("webhooks add", lead)).contains("Give the address");
        assertThat(command("webhooks remove abc", lead)).contains("by its number");
        assertThat(command("webhooks remove 999999999", lead)).contains("no webhook 999999999");
        assertThat(command("webhooks", lead)).contains("No webhooks");
    }

    private String command(String text, String user) {
        return slackRequests.command("/daybook", text, channel, name, user).text();
    }

    private void update(String user) {
        now = now.plus(Duration.ofDays(1));
        clock.set(now);
        assertThat(slackRequests.command("/update", "Update:\n- work\nNext:\n- more", channel, name, user).status())
                .isEqualTo(200);
    }
}
