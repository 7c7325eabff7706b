package dev.daybook.slack;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Keys for the workspace tokens kept in the database ({@code DAYBOOK_ENCRYPTION_KEY}, and during a
 * rotation {@code DAYBOOK_ENCRYPTION_PREVIOUS_KEYS}): each the Base64 of 32 random bytes.
 */
@ConfigurationProperties("daybook.encryption")
record EncryptionSettings(String key, List<String> previousKeys) {

    EncryptionSettings {
        previousKeys = previousKeys == null ? List.of() : List.copyOf(previousKeys);
    }
}
