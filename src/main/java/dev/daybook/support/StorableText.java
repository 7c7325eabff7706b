package dev.daybook.support;

import java.util.regex.Pattern;

/**
 * Text as it can be stored: PostgreSQL refuses the NUL character in text, and no other control
 * character (but tab and line breaks) means anything in an update or a name.
 */
public final class StorableText {

    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");

    private StorableText() {
    }

    public static String of(String text) {
        return text == null ? null : CONTROL.matcher(text).replaceAll("");
    }
}
