package dev.daybook.support;

import org.springframework.stereotype.Component;

/**
 * Seals secrets that features keep for a workspace (an MLflow token, for instance) under
 * {@code DAYBOOK_ENCRYPTION_KEY}, the same way Slack installation tokens are sealed. Without a key
 * nothing can be sealed: a feature must then refuse to store a secret rather than keep it in plain text.
 */
@Component
public class Secrets {

    private static final String SEALED_PREFIX = "v1:";

    private final TokenCipher cipher;

    public Secrets(EncryptionSettings encryption) {
        this.cipher = encryption.hasKey() ? new TokenCipher(encryption.sealingKey(), encryption.openingKeys()) : null;
    }

    /** Whether an encryption key is configured, so that secrets can be stored. */
    public boolean canSeal() {
        return cipher != null;
    }

    /** Seals a secret bound to its workspace; fails when no key is configured (check {@link #canSeal()} first). */
    public String seal(String plaintext, String teamId) {
        if (cipher == null) {
            throw new IllegalStateException("Set DAYBOOK_ENCRYPTION_KEY to store secrets (openssl rand -base64 32)");
        }
        return cipher.seal(plaintext, teamId);
    }

    /**
     * Opens a stored secret. A value that is not sealed (stored before secrets were encrypted) is
     * returned as it is, until {@link #needsSealing(String)} has it sealed at startup.
     */
    public String open(String stored, String teamId) {
        if (stored == null || !isSealed(stored)) {
            return stored;
        }
        if (cipher == null) {
            throw new IllegalStateException("A stored secret is encrypted, but DAYBOOK_ENCRYPTION_KEY is not set");
        }
        return cipher.open(stored, teamId);
    }

    /**
     * Opens a stored secret if any key Daybook has opens it; empty when none does (the key changed
     * without the old one listed, no key is set, or the value was altered). Never throws: one
     * unreadable secret must not stop anything but the work that needs it.
     */
    public java.util.Optional<String> tryOpen(String stored, String teamId) {
        if (stored == null) {
            return java.util.Optional.empty();
        }
        try {
            return java.util.Optional.ofNullable(open(stored, teamId));
        } catch (RuntimeException unreadable) {
            return java.util.Optional.empty();
        }
    }

    /** Whether a stored value should be (re)sealed now: it is plain text, or sealed under a previous key. */
    public boolean needsSealing(String stored) {
        return cipher != null && stored != null && (!isSealed(stored) || !cipher.isCurrent(stored));
    }

    private static boolean isSealed(String stored) {
        return stored.startsWith(SEALED_PREFIX);
    }
}
