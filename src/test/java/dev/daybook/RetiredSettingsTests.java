package dev.daybook;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.env.SystemEnvironmentPropertySource;

class RetiredSettingsTests {

    private static StandardEnvironment environment(Map<String, Object> file, Map<String, Object> variables) {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("application.yml", file));
        environment.getPropertySources().replace(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME,
                new SystemEnvironmentPropertySource(StandardEnvironment.SYSTEM_ENVIRONMENT_PROPERTY_SOURCE_NAME, variables));
        ConfigurationPropertySources.attach(environment);
        return environment;
    }

    @Test
    void aRetiredSettingIsFoundInEverySpellingSpringAccepts() {
        StandardEnvironment environment = environment(
                Map.of("daybook.reminders.activeWithin", "14d", "daybook.digest.active-within", "7d",
                        "daybook.reminders.at", "17:00"),
                Map.of("DAYBOOK_BUDGET_ACTIVEWITHIN", "21d"));

        assertThat(RetiredSettings.stillSet(environment)).containsExactly(
                "daybook.budget.active-within", "daybook.digest.active-within", "daybook.reminders.active-within");
    }

    @Test
    void aConfigurationWithoutThemIsQuiet() {
        assertThat(RetiredSettings.stillSet(environment(Map.of("daybook.reminders.at", "17:00"), Map.of()))).isEmpty();
    }

    @Test
    void eachSaysWhatDecidesInstead() {
        assertThat(RetiredSettings.RETIRED).allSatisfy((name, instead) -> assertThat(instead).isNotBlank());
        assertThat(RetiredSettings.RETIRED.get("daybook.digest.active-within")).contains("30 days");
    }
}
