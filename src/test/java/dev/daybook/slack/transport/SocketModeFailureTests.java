package dev.daybook.slack.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.time.Duration;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.support.StaticListableBeanFactory;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Socket Mode tells a network failure from a token Slack refused, and readiness says it is not connected. */
@ExtendWith(OutputCaptureExtension.class)
class SocketModeFailureTests {

    @Test
    void boltsInvalidTokenMessageAboutAnUnresolvableHostIsANetworkProblem() {
        ConnectionProblem dns = ConnectionProblem.of(new IllegalArgumentException(
                "The token is invalid (error: slack.com: Name or service not known)"));
        assertThat(dns.kind()).isEqualTo(ConnectionProblem.Kind.NETWORK);
        assertThat(dns.advice()).contains("slack.com: Name or service not known").contains("not the tokens")
                .doesNotContain("Check SLACK_APP_TOKEN");

        assertThat(ConnectionProblem.of(new IOException("wrapped", new UnknownHostException("slack.com"))).kind())
                .isEqualTo(ConnectionProblem.Kind.NETWORK);
        assertThat(ConnectionProblem.of(new IllegalStateException(new java.net.ConnectException("Connection refused"))).kind())
                .isEqualTo(ConnectionProblem.Kind.NETWORK);
    }

    @Test
    void aTokenSlackRefusesIsCalledThat() {
        ConnectionProblem refused = ConnectionProblem.of(new IllegalArgumentException(
                "The token is invalid (auth.test error: invalid_auth)"));
        assertThat(refused.kind()).isEqualTo(ConnectionProblem.Kind.BAD_TOKEN);
        assertThat(refused.advice()).contains("invalid_auth").contains("SLACK_APP_TOKEN").contains("SLACK_BOT_TOKEN");
        assertThat(ConnectionProblem.of(new IllegalStateException("apps.connections.open failed: not_allowed_token_type")).kind())
                .isEqualTo(ConnectionProblem.Kind.BAD_TOKEN);
        assertThat(ConnectionProblem.of(new IllegalArgumentException("The token is invalid (auth.test error: ratelimited)")).kind())
                .isEqualTo(ConnectionProblem.Kind.OTHER);
    }

    @Test
    void slackOutOfReachAtStartIsLoggedAsTheNetworkAndReadinessIsDown(CapturedOutput output) throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix("http://127.0.0.1:" + closed + "/api/");
        config.setStatsEnabled(false);
        Slack slack = Slack.getInstance(config);
        App app = new App(AppConfig.builder().slack(slack).singleTeamBotToken("xoxb-1-2-offline")
                .requestVerificationEnabled(false).build());
        SlackSettings settings = new SlackSettings("xoxb-1-2-offline", "", "xapp-1-A0-1-offline",
                "http://127.0.0.1:" + closed + "/api/", Duration.ofSeconds(2), "", "", "", "", Duration.ofMillis(2500),
                Duration.ofSeconds(2));
        SocketModeConnection connection = new SocketModeConnection(app, settings);
        StaticListableBeanFactory beans = new StaticListableBeanFactory();
        beans.addBean("socketModeConnection", connection);
        SlackConnectionHealth health = new SlackConnectionHealth(beans.getBeanProvider(SocketModeConnection.class));
        try {
            connection.start();
            Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> connection.lastProblem() != null);
            assertThat(connection.lastProblem().kind()).isEqualTo(ConnectionProblem.Kind.NETWORK);
            Awaitility.await().atMost(Duration.ofSeconds(5))
                    .until(() -> output.getOut().contains("could not open a Socket Mode connection"));
            assertThat(output.getOut()).contains("cannot reach Slack").contains("not the tokens")
                    .doesNotContain("The token is invalid").doesNotContain("Check SLACK_APP_TOKEN");
            var answer = health.health(true);
            assertThat(answer.getStatus()).isEqualTo(Status.DOWN);
            assertThat(answer.getDetails()).containsEntry("connected", false).containsEntry("problem", "network");
        } finally {
            connection.stop();
            slack.close();
        }
    }
}
