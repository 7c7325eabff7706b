package dev.daybook.slack.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

class SlackPacingTests {

    private final AtomicLong now = new AtomicLong(1_000_000_000_000L);
    private static final String POST = "chat.postMessage";
    private static final String OPEN = "conversations.open";

    private final SlackPacing pacing = new SlackPacing(new SlackPacing.Settings(5, 10), now::get);

    @Test
    void aBurstGoesAtOnceThenCallsArePacedAtTheRate() {
        for (int i = 0; i < 10; i++) {
            assertThat(pacing.reserve("T1", POST)).isZero();
        }
        assertThat(pacing.reserve("T1", POST)).isEqualTo(Duration.ofMillis(200).toNanos());
        assertThat(pacing.reserve("T1", POST)).isEqualTo(Duration.ofMillis(400).toNanos());
        // A thousand more wait their turn: paced, none refused.
        long last = 0;
        for (int i = 0; i < 1000; i++) {
            last = pacing.reserve("T1", POST);
        }
        assertThat(last).isEqualTo(Duration.ofMillis(200L * 1002).toNanos());
    }

    @Test
    void workspacesArePacedApart() {
        for (int i = 0; i < 12; i++) {
            pacing.reserve("T1", POST);
        }
        assertThat(pacing.reserve("T2", POST)).isZero();
    }

    @Test
    void aRateLimitAnswerHoldsTheWholeWorkspaceForItsRetryAfter() {
        pacing.reserve("T1", POST);
        pacing.pause("T1", Duration.ofSeconds(30));

        assertThat(pacing.reserve("T1", POST)).isEqualTo(Duration.ofSeconds(30).toNanos());
        now.addAndGet(Duration.ofSeconds(30).toNanos());
        assertThat(pacing.reserve("T1", POST)).isEqualTo(Duration.ofMillis(200).toNanos()); // the one above went first
    }

    @Test
    void aQuietSpellRefillsTheBurst() {
        for (int i = 0; i < 20; i++) {
            pacing.reserve("T1", POST);
        }
        now.addAndGet(Duration.ofSeconds(60).toNanos());
        for (int i = 0; i < 10; i++) {
            assertThat(pacing.reserve("T1", POST)).isZero();
        }
    }

    @Test
    void eachMethodIsPacedApartAsSlackLimitsEachMethod() {
        for (int i = 0; i < 12; i++) {
            pacing.reserve("T1", POST);
        }
        assertThat(pacing.reserve("T1", OPEN)).isZero();
    }

    @Test
    void aRateLimitAnswerHoldsEveryMethodOfTheWorkspaceEvenOnesNotCalledYet() {
        pacing.reserve("T1", POST);
        pacing.pause("T1", Duration.ofSeconds(30));

        assertThat(pacing.reserve("T1", OPEN)).isEqualTo(Duration.ofSeconds(30).toNanos());
        assertThat(pacing.reserve("T1", "users.info")).isEqualTo(Duration.ofSeconds(30).toNanos());
        assertThat(pacing.reserve("T2", OPEN)).isZero();
    }
}
