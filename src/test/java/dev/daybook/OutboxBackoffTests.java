package dev.daybook;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import dev.daybook.support.RetryLater;

class OutboxBackoffTests {

    record Due(String key) {
    }

    static final class Later extends RuntimeException implements RetryLater {
        private final Instant notBefore;

        Later(Instant notBefore) {
            this.notBefore = notBefore;
        }

        @Override
        public Instant notBefore() {
            return notBefore;
        }
    }

    private static final Instant NOW = Instant.parse("2026-11-24T15:00:00Z");
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);

    private static Method listener() throws NoSuchMethodException {
        return Object.class.getMethod("toString");
    }

    @Test
    void workWaitsUntilTheTimeItWasGiven() throws Exception {
        OutboxBackoff backoff = new OutboxBackoff(Clock.fixed(NOW, ZoneOffset.UTC), nanos::get);
        backoff.failed(listener(), new Object[] {new Due("a")}, new Later(NOW.plusSeconds(5)));

        assertThat(backoff.dueEvent(new Due("a"))).isFalse();
        assertThat(backoff.dueEvent(new Due("b"))).isTrue();
    }

    @Test
    void aClockThatStandsStillDoesNotHoldWorkPastItsWait() throws Exception {
        // The application's clock can be set (tests) or step back (NTP): the wait is a length of time.
        OutboxBackoff backoff = new OutboxBackoff(Clock.fixed(NOW, ZoneOffset.UTC), nanos::get);
        backoff.failed(listener(), new Object[] {new Due("a")}, new Later(NOW.plusSeconds(5)));

        nanos.addAndGet(Duration.ofSeconds(4).toNanos());
        assertThat(backoff.dueEvent(new Due("a"))).isFalse();
        nanos.addAndGet(Duration.ofSeconds(1).toNanos());
        assertThat(backoff.dueEvent(new Due("a"))).isTrue();
    }

    @Test
    void aClockMovedOnReleasesTheWorkToo() throws Exception {
        var clock = new java.util.concurrent.atomic.AtomicReference<>(NOW);
        Clock moving = new Clock() {
            @Override
            public Instant instant() {
                return clock.get();
            }

            @Override
            public java.time.ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(java.time.ZoneId zone) {
                return this;
            }
        };
        OutboxBackoff backoff = new OutboxBackoff(moving, nanos::get);
        backoff.failed(listener(), new Object[] {new Due("a")}, new Later(NOW.plusSeconds(100)));

        clock.set(NOW.plusSeconds(100));
        assertThat(backoff.dueEvent(new Due("a"))).isTrue();
    }

    @Test
    void aWaitFurtherAwayThanAnHourIsCutToAnHour() throws Exception {
        OutboxBackoff backoff = new OutboxBackoff(Clock.fixed(NOW, ZoneOffset.UTC), nanos::get);
        backoff.failed(listener(), new Object[] {new Due("a")}, new Later(NOW.plus(Duration.ofDays(365))));

        nanos.addAndGet(OutboxBackoff.LONGEST.toNanos() - 1);
        assertThat(backoff.dueEvent(new Due("a"))).isFalse();
        nanos.addAndGet(1);
        assertThat(backoff.dueEvent(new Due("a"))).isTrue();
    }
}
