package dev.daybook;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Settings Daybook once read and reads no more. Someone who set one expects it to work: at start each
 * one still set is named in the log with what decides instead, rather than ignored without a word.
 */
@Component
class RetiredSettings {

    private static final Logger log = LoggerFactory.getLogger(RetiredSettings.class);

    /** The setting, and what took its place. */
    static final Map<String, String> RETIRED = retired();

    private static Map<String, String> retired() {
        String window = "active members are the people who posted in the last 30 days, one window for every "
                + "feature (docs/configuration.md, \"Reminders, budget notes and the scheduler\")";
        Map<String, String> retired = new LinkedHashMap<>();
        retired.put("daybook.reminders.active-within", window);
        retired.put("daybook.budget.active-within", window);
        retired.put("daybook.digest.active-within", window);
        retired.put("daybook.reminders.sending-lease", "a reminder is sent once by its delivery claim; there is no lease to set");
        return Map.copyOf(retired);
    }

    private final Environment environment;

    RetiredSettings(Environment environment) {
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    void warn() {
        for (String name : stillSet(environment)) {
            log.warn("The setting {} is no longer read: {}. Remove it from the configuration.", name, RETIRED.get(name));
        }
    }

    /** The retired settings this configuration still sets, in any of Spring's spellings. */
    static List<String> stillSet(Environment environment) {
        Binder binder = Binder.get(environment);
        return RETIRED.keySet().stream().filter(name -> binder.bind(name, String.class).isBound()).sorted().toList();
    }
}
