package dev.daybook.slack.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

class ResponseUrlBudgetTests {

    private static final String URL = "https://hooks.slack.com/commands/T1/2/abc";
    private static final Instant NOW = Instant.parse("2026-11-24T10:00:00Z");

    @Test
    void fivePostsThenNoMore() {
        ResponseUrlBudget budget = new ResponseUrlBudget();
        for (int i = 0; i < 5; i++) {
            assertThat(budget.take(URL, NOW.plusSeconds(i))).isTrue();
        }
        assertThat(budget.take(URL, NOW.plusSeconds(10))).isFalse();
        assertThat(budget.take("https://hooks.slack.com/commands/T1/2/other", NOW.plusSeconds(10))).isTrue();
    }

    @Test
    void notAfterThirtyMinutes() {
        ResponseUrlBudget budget = new ResponseUrlBudget();
        assertThat(budget.take(URL, NOW)).isTrue();
        assertThat(budget.take(URL, NOW.plus(Duration.ofMinutes(29)))).isTrue();
        assertThat(budget.take(URL, NOW.plus(Duration.ofMinutes(30)).plusSeconds(1))).isTrue(); // forgotten: a new window
        assertThat(budget.posts(URL)).isEqualTo(1);
    }

    @Test
    void addressesNoSlackWouldGiveAreNeverPostedTo() {
        ResponseUrlBudget budget = new ResponseUrlBudget();
        for (String url : new String[] {null, "", "  ", "ftp://hooks.slack.com/x", "javascript:alert(1)",
                "https://a:b@hooks.slack.com/x", "https://hooks.slack.com/" + "a".repeat(3000), "http://[::1"}) {
            assertThat(budget.take(url, NOW)).as(String.valueOf(url)).isFalse();
        }
    }
}
