package dev.daybook.support;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Keys for the secrets kept in the database (Slack workspace tokens, MLflow tokens) ({@code DAYBOOK_ENCRYPTION_KEY}, and during a
 * rotation {@code DAYBOOK_ENCRYPTION_PREVIOUS_KEYS}): each the Base64 of 32 random bytes.
 */
@ConfigurationProperties("daybook.encryption")
public record EncryptionSettings(String key, List<String> previousKeys) {

    public EncryptionSettings {
        previousKeys = previousKeys == null ? List.of() : List.copyOf(previousKeys);
    }
}
