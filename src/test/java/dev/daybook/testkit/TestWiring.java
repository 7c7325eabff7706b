package dev.daybook.testkit;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** The seams tests own: a clock they can move, a database they can take away, host names they can point anywhere. */
@TestConfiguration(proxyBeanMethods = false)
public class TestWiring {

    @Bean
    @Primary
    MutableClock mutableClock() {
        return new MutableClock();
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
