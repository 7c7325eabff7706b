package dev.daybook.slack.transport;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import dev.daybook.support.PublicUrl;

@ExtendWith(OutputCaptureExtension.class)
class PublicUrlWarningTests {

    @Test
    void withSlackSetUpALocalhostAddressIsAWarningAtStart(CapturedOutput output) {
        new PublicUrlWarning(new PublicUrl("")).check();
        assertThat(output.getOut()).contains("WARN").contains("set DAYBOOK_PUBLIC_URL")
                .contains("links nobody else can open");
    }

    @Test
    void aPublicAddressIsOnlyNamed(CapturedOutput output) {
        new PublicUrlWarning(new PublicUrl("https://daybook.example.com")).check();
        assertThat(output.getOut()).contains("Links to Daybook start with https://daybook.example.com")
                .doesNotContain("set DAYBOOK_PUBLIC_URL");
    }

    @Test
    void theOAuthRedirectFollowsThePublicAddressUnlessSetOnItsOwn() {
        SlackSettings plain = new SlackSettings("", "s", "", "https://slack.com/api/", null, "id", "secret", "", "", null, null);
        SlackSettings explicit = new SlackSettings("", "s", "", "https://slack.com/api/", null, "id", "secret",
                "https://other.example.com/slack/oauth_redirect", "", null, null);
        assertThat(BoltConfiguration.redirectUri(plain, new PublicUrl("https://daybook.example.com/")))
                .isEqualTo("https://daybook.example.com/slack/oauth_redirect");
        assertThat(BoltConfiguration.redirectUri(explicit, new PublicUrl("https://daybook.example.com")))
                .isEqualTo("https://other.example.com/slack/oauth_redirect");
        // Neither set: none is sent, and Slack uses the app's one redirect URL.
        assertThat(BoltConfiguration.redirectUri(plain, new PublicUrl(""))).isNull();
    }
}
