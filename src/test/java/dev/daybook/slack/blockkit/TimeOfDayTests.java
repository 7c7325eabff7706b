package dev.daybook.slack.blockkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalTime;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

/** The timepicker's {@code selected_time}, read with no Spring and no Slack. */
class TimeOfDayTests {

    @Test
    void readsWhatATimepickerSends() {
        assertThat(TimeOfDay.parse("00:00")).contains(LocalTime.MIDNIGHT);
        assertThat(TimeOfDay.parse("09:05")).contains(LocalTime.of(9, 5));
        assertThat(TimeOfDay.parse("17:30")).contains(LocalTime.of(17, 30));
        assertThat(TimeOfDay.parse("23:59")).contains(LocalTime.of(23, 59));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"24:00", "23:60", "7:5", "7:05", "07:5", "0930", "9.30", "9h30", " 09:30", "09:30 ",
            "09:30:00", "-1:00", "+9:30", "０９:３０", "٠٩:٣٠", "09:30\n", "09:30; drop table person", "<b>09:30</b>",
            "${jndi:ldap://x}", "noon", "   "})
    void refusesAnythingElse(String sent) {
        assertThat(TimeOfDay.parse(sent)).isEmpty();
    }

    @Test
    void refusesOversizedValues() {
        assertThat(TimeOfDay.parse("1".repeat(1_000_000))).isEmpty();
        assertThat(TimeOfDay.parse("09:30" + "0".repeat(10_000))).isEmpty();
    }

    @Test
    void formatsAsTheTimepickerShowsIt() {
        assertThat(TimeOfDay.format(LocalTime.of(9, 5))).isEqualTo("09:05");
        assertThat(TimeOfDay.format(LocalTime.of(16, 30, 45))).isEqualTo("16:30");
        assertThat(TimeOfDay.parse(TimeOfDay.format(LocalTime.of(7, 0)))).contains(LocalTime.of(7, 0));
    }
}
