package dev.daybook;

import java.time.Clock;

import org.springframework.aot.AotDetector;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.context.annotation.Bean;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.scheduling.annotation.EnableAsync;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.util.ClassUtils;

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
        useAheadOfTimeCode();
        SpringApplication.run(DaybookApplication.class, args);
    }

    /**
     * Started from the jar as built, Daybook uses the bean definitions Spring's ahead-of-time
     * processing generated at build time (a second off the start; docs/operations.md), unless
     * {@code -Dspring.aot.enabled=false} says otherwise. From classes in a directory (the IDE, the
     * tests) it never does: generated code left there by an earlier build may be out of date.
     */
    static void useAheadOfTimeCode() {
        if (System.getProperty(AotDetector.AOT_ENABLED) != null) {
            return;
        }
        var source = DaybookApplication.class.getProtectionDomain().getCodeSource();
        String location = source == null ? "" : source.getLocation().toString();
        // The jar itself ("jar:nested:…/daybook.jar/!BOOT-INF/classes/!/"), or unpacked by bin/prepare-fast-start.
        boolean fromJar = location.contains("nested:") || location.endsWith(".jar");
        if (fromJar && ClassUtils.isPresent(DaybookApplication.class.getName() + "__ApplicationContextInitializer",
                DaybookApplication.class.getClassLoader())) {
            System.setProperty(AotDetector.AOT_ENABLED, "true");
        }
    }

    /** The one clock: everything that asks "what time is it" asks this bean, so tests can move time. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
