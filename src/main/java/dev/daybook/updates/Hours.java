package dev.daybook.updates;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * How hours are written everywhere Daybook shows them: at most two decimals, as the parser keeps them
 * ({@code [1.25h]}), no trailing zeros, a point whatever the locale. Sums of hours are doubles that
 * carry binary noise (2.1 + 0.2 is 2.3000000000000003), which is why this rounds instead of printing
 * the double.
 */
public final class Hours {

    private Hours() {
    }

    /** {@code 2}, {@code 1.5}, {@code 0.25}. */
    public static String number(double hours) {
        return BigDecimal.valueOf(hours).setScale(2, RoundingMode.HALF_UP).stripTrailingZeros().toPlainString();
    }

    /** {@code 2h}, {@code 1.5h}: as a tag in an update is written. */
    public static String tag(double hours) {
        return number(hours) + "h";
    }
}
