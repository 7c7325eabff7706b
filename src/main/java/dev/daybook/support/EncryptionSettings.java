package dev.daybook.support;

import java.util.ArrayList;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Keys for the secrets kept in the database (Slack workspace tokens, MLflow tokens), each the Base64
 * of 32 random bytes. {@code DAYBOOK_ENCRYPTION_KEY} may list several, separated by commas: the first
 * seals, every one opens (new first, old ones for reading during a rotation).
 * {@code DAYBOOK_ENCRYPTION_PREVIOUS_KEYS} lists more keys for reading, as earlier versions had it.
 */
@ConfigurationProperties("daybook.encryption")
public record EncryptionSettings(String key, List<String> previousKeys) {

    public EncryptionSettings {
        previousKeys = previousKeys == null ? List.of() : List.copyOf(previousKeys);
    }

    /** Whether any key is set. */
    public boolean hasKey() {
        return !keys().isEmpty();
    }

    /** The key that seals (the first listed); null when none is set. */
    public String sealingKey() {
        List<String> keys = keys();
        return keys.isEmpty() ? null : keys.get(0);
    }

    /** The keys that only open: the rest of {@code DAYBOOK_ENCRYPTION_KEY}, then the previous keys. */
    public List<String> openingKeys() {
        List<String> keys = keys();
        return keys.isEmpty() ? List.of() : keys.subList(1, keys.size());
    }

    private List<String> keys() {
        List<String> keys = new ArrayList<>();
        if (key != null) {
            for (String listed : key.split(",")) {
                if (!listed.isBlank()) {
                    keys.add(listed.strip());
                }
            }
        }
        for (String previous : previousKeys) {
            if (previous != null && !previous.isBlank()) {
                keys.add(previous.strip());
            }
        }
        return keys;
    }
}
