package dev.daybook.testkit;

import java.time.Instant;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** The seams tests own: a clock they can move, a database they can take away, host names they can point anywhere. */
@TestConfiguration(proxyBeanMethods = false)
public class TestWiring {

    @Bean
    @Primary
    MutableClock mutableClock(@Value("${daybook.test.clock-starts-at:}") String startsAt) {
        MutableClock clock = new MutableClock();
        if (!startsAt.isBlank()) {
            // Set before anything runs: an instance whose scheduler starts on the wall clock and is moved
            // afterwards may already have decided what is due at the real time.
            clock.set(Instant.parse(startsAt));
        }
        return clock;
    }

    @Bean
    @Primary
    PinnedHostResolver pinnedHostResolver() {
        return new PinnedHostResolver();
    }

    @Bean
    static FaultyDatabase faultyDatabase() {
        return new FaultyDatabase();
    }
}
