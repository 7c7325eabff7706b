package dev.daybook;

import java.time.Clock;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;

import dev.daybook.operations.Commands;

@SpringBootApplication
@ConfigurationPropertiesScan
@EnableAsync
@EnableScheduling
@EnableJpaRepositories(queryEnhancerSelector = DeclaredQueries.class)
public class DaybookApplication {

    public static void main(String[] args) {
        if (Commands.isCommand(args)) {
            // A command of the jar (moving to PostgreSQL) runs instead of the application.
            System.exit(Commands.run(args, System.out, System.err));
        }
        SpringApplication.run(DaybookApplication.class, args);
    }

    /** The one clock: everything that asks "what time is it" asks this bean, so tests can move time. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
