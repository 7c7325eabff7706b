package dev.daybook.support;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Text as it can be stored: PostgreSQL refuses the NUL character in text, a lone UTF-16 surrogate
 * (half of a character) cannot be written as UTF-8 and would be stored as "?", and no other control
 * character (but tab and line breaks) means anything in an update or a name. Slack's text is cleaned
 * ({@link #of}); the HTTP API refuses such text with a reason ({@link #problem}), since a script can
 * send it right.
 */
public final class StorableText {

    private static final Pattern CONTROL = Pattern.compile("[\\x00-\\x08\\x0B\\x0C\\x0E-\\x1F\\x7F]");

    private StorableText() {
    }

    /** The text without control characters, with each lone surrogate replaced by U+FFFD. */
    public static String of(String text) {
        if (text == null) {
            return null;
        }
        return wholeCharacters(CONTROL.matcher(text).replaceAll(""));
    }

    /** What in the text cannot be stored as written, in words; empty when nothing. */
    public static Optional<String> problem(String text) {
        if (text == null) {
            return Optional.empty();
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == 0) {
                return Optional.of("contains a NUL character (\\u0000)");
            }
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return Optional.of("contains half of a character (a lone UTF-16 surrogate, \\u" + Integer.toHexString(c) + ")");
            } else if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
                return Optional.of("contains a control character (\\u" + String.format("%04x", (int) c) + ")");
            }
        }
        return Optional.empty();
    }

    private static String wholeCharacters(String text) {
        StringBuilder kept = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1));
            if (pair) {
                if (kept != null) {
                    kept.append(c).append(text.charAt(i + 1));
                }
                i++;
                continue;
            }
            if (Character.isSurrogate(c)) {
                if (kept == null) {
                    kept = new StringBuilder(text.length()).append(text, 0, i);
                }
                kept.append('\uFFFD');
            } else if (kept != null) {
                kept.append(c);
            }
        }
        return kept == null ? text : kept.toString();
    }
}
