package dev.daybook.slack.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.GenericApplicationContext;
import org.springframework.mock.env.MockEnvironment;

/**
 * Which Slack beans exist is decided by {@link SlackWiring} from the settings at start (the code
 * Spring's AOT processing generates calls it at every start), never fixed when the jar is built.
 */
class SlackWiringTests {

    @Test
    void withoutCredentialsOnlyTheExplanationIsWired() {
        assertThat(beans(Map.of())).containsExactlyInAnyOrder("slackNotConfigured", "slackNotConfiguredRoutes");
        assertThat(beans(Map.of("daybook.slack.bot-token", "xoxb-1"))).contains("slackNotConfigured");
        assertThat(beans(Map.of("daybook.slack.bot-token", " ", "daybook.slack.signing-secret", "s")))
                .contains("slackNotConfigured");
    }

    @Test
    void oneWorkspaceOverHttpHasBoltButNoInstallPages() {
        assertThat(beans(Map.of("daybook.slack.bot-token", "xoxb-1", "daybook.slack.signing-secret", "s")))
                .contains("slackApp", "slackEventsServlet", "slackSignatureFilter", "socketModeConnection")
                .doesNotContain("slackInstallServlet", "slackNotConfigured");
    }

    @Test
    void socketModeAloneIsEnough() {
        assertThat(beans(Map.of("daybook.slack.bot-token", "xoxb-1", "daybook.slack.app-token", "xapp-1")))
                .contains("slackApp", "socketModeConnection").doesNotContain("slackNotConfigured");
    }

    @Test
    void oauthAddsTheInstallPages() {
        assertThat(beans(Map.of("daybook.slack.client-id", "1.2", "daybook.slack.client-secret", "c",
                "daybook.slack.signing-secret", "s")))
                .contains("slackApp", "slackInstallServlet").doesNotContain("slackNotConfigured");
        assertThat(beans(Map.of("daybook.slack.client-id", "1.2", "daybook.slack.signing-secret", "s")))
                .contains("slackNotConfigured").doesNotContain("slackInstallServlet");
    }

    private static java.util.List<String> beans(Map<String, String> settings) {
        MockEnvironment env = new MockEnvironment();
        settings.forEach(env::setProperty);
        try (GenericApplicationContext context = new GenericApplicationContext()) {
            context.setEnvironment(env);
            context.register(new SlackWiring());
            return Arrays.asList(context.getBeanDefinitionNames());
        }
    }
}
