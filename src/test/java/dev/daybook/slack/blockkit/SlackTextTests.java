package dev.daybook.slack.blockkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The one place outside text becomes Slack markup: nothing from outside can ping, mention or build a link. */
class SlackTextTests {

    /** A sequence Slack acts on: a mention, a broadcast, a user group, a link. */
    private static final Pattern LIVE = Pattern.compile("<[^<>]*>");

    @ParameterizedTest
    @ValueSource(strings = {"<!channel>", "<!here>", "<!everyone>", "<!channel|channel>", "<@U123>", "<@U123|ada>",
            "<@W0ABC>", "<!subteam^S1>", "<!subteam^S1|@ml-team>", "<https://evil.example|click>", "<https://evil.example>",
            "<mailto:a@b.c|write>", "<!date^1392734382^{date}|Feb 18>", "x <!channel", "<<!channel>>", "<@U1|<!here>>",
            "https://x.example/><!channel><https://y.example", "<!channel>\u0000", "&lt;!channel&gt;"})
    void escapedTextHasNothingSlackActsOn(String written) {
        assertThat(LIVE.matcher(SlackText.escape(written)).find()).as(SlackText.escape(written)).isFalse();
        assertThat(LIVE.matcher(SlackText.code(written)).find()).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"<!channel>", "<!here>", "<!everyone>", "<!channel|channel>", "<@U123>", "<@U123|ada>",
            "<!subteam^S1>", "<!subteam^S1|@ml-team>", "<https://evil.example|click>", "<https://evil.example>",
            "<!date^1392734382^{date}|Feb 18>", "x <!channel", "<<!channel>>", "<@U1|<!here>>", "a > b < c",
            "https://x.example/><!channel><https://y.example", "<#C123|<!here>>", "<#C0ABC|general> <!here|here>"})
    void quietTextHasNothingSlackActsOnButChannelReferences(String written) {
        String quiet = SlackText.quiet(written);
        assertThat(LIVE.matcher(quiet.replaceAll("<#C[A-Z0-9]+(\\|[\\w.-]+)?>", "")).find()).as(quiet).isFalse();
    }

    @Test
    void quietTextKeepsWhatPeopleMeant() {
        assertThat(SlackText.quiet("asked <@U0BOB|bob> and <!here> about <https://labels.example/guide|the guide>"))
                .isEqualTo("asked @bob and @here about the guide (https://labels.example/guide)");
        assertThat(SlackText.quiet("<@U0BOB> said hi")).isEqualTo("@U0BOB said hi");
        assertThat(SlackText.quiet("ping <!subteam^S1|@ml-team> and <!subteam^S2>")).isEqualTo("ping @ml-team and @group");
        assertThat(SlackText.quiet("see <#C0ABC|general>")).isEqualTo("see <#C0ABC|general>");
        assertThat(SlackText.quiet("a &lt; b &amp; *bold* `code`")).as("Slack's own escapes are not escaped twice")
                .isEqualTo("a &lt; b &amp; *bold* `code`");
        assertThat(SlackText.quiet("1 < 2 > 0")).isEqualTo("1 &lt; 2 &gt; 0");
    }

    @Test
    void escapingShowsExactlyWhatWasWritten() {
        assertThat(SlackText.escape("&lt; is not <")).isEqualTo("&amp;lt; is not &lt;");
        assertThat(SlackText.escape("tab\tand\nline\u0000\u0007")).isEqualTo("tab\tand\nline");
        assertThat(SlackText.code("a`b")).isEqualTo("`a'b`");
    }

    @Test
    void linksAreBuiltOnlyFromHttpUrlsThatCannotEndTheLink() {
        assertThat(SlackText.link("https://mlflow.example/#/experiments/1/runs/a?x=1&y=2", "run <a>"))
                .isEqualTo("<https://mlflow.example/#/experiments/1/runs/a?x=1&amp;y=2|run &lt;a&gt;>");
        for (String bad : new String[] {"https://x.example/><!channel><https://y.example", "https://x.example/a|b",
                "https://x.example/a b", "https://x.example/\u0007", "javascript:alert(1)", "ftp://x.example/",
                "https:///nohost", "//x.example", "https://x.example/" + "a".repeat(2100), "not a url", ""}) {
            assertThat(SlackText.link(bad, "label")).as(bad).isEqualTo("`label`");
        }
        assertThat(SlackText.link(null, "<!here>")).isEqualTo("`&lt;!here&gt;`");
    }

    @Test
    void onlySlackUserIdsBecomeMentions() {
        assertThat(SlackText.mention("U024BE7LH")).isEqualTo("<@U024BE7LH>");
        assertThat(SlackText.mention("<!channel>")).isEqualTo("&lt;!channel&gt;");
        assertThat(SlackText.mention("U1>|<!here")).doesNotContain("<");
        assertThat(SlackText.mention(null)).isEqualTo("someone");
    }
}
