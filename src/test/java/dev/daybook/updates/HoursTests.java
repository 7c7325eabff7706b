package dev.daybook.updates;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HoursTests {

    @ParameterizedTest
    @CsvSource({"2.0, 2, 2h", "1.5, 1.5, 1.5h", "0.25, 0.25, 0.25h", "2.25, 2.25, 2.25h", "100, 100, 100h",
            "0.333333, 0.33, 0.33h", "0.005, 0.01, 0.01h", "0, 0, 0h"})
    void hoursAreWrittenWithAtMostTwoDecimalsAndNoTrailingZeros(double hours, String number, String tag) {
        assertThat(Hours.number(hours)).isEqualTo(number);
        assertThat(Hours.tag(hours)).isEqualTo(tag);
    }

    @Test
    void aSumOfHoursCarriesNoBinaryNoise() {
        assertThat(Hours.tag(2.1 + 0.2)).isEqualTo("2.3h");
        assertThat(Hours.number(0.1 + 0.2)).isEqualTo("0.3");
    }

    @Test
    void thePointIsAPointInEveryLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertThat(Hours.number(1.5)).isEqualTo("1.5");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void everyHoursValueTheParserKeepsIsWrittenExactly() {
        for (int hundredths = 0; hundredths <= 100_00; hundredths++) {
            double hours = Math.round(hundredths) / 100.0;
            assertThat(Double.parseDouble(Hours.number(hours))).isEqualTo(hours);
        }
    }
}
