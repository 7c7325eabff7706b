package dev.daybook.support;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM (the JDK's) for the secrets Daybook keeps: the tokens Slack gives it on install, and MLflow tokens. A sealed value reads
 * {@code v1:<key id>:<base64 of nonce and ciphertext>}; the key id lets a value sealed under a
 * previous key be opened during a rotation, and {@link #isCurrent(String)} tells which need resealing.
 * The workspace id is bound as associated data, so a token copied to another workspace's row does not open.
 */
public final class TokenCipher {

    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String currentId;
    private final Map<String, SecretKey> keys = new LinkedHashMap<>();

    public TokenCipher(String currentKey, List<String> previousKeys) {
        SecretKey current = decode(currentKey, "DAYBOOK_ENCRYPTION_KEY");
        this.currentId = idOf(current);
        keys.put(currentId, current);
        for (String previous : previousKeys) {
            if (previous != null && !previous.isBlank()) {
                SecretKey key = decode(previous, "DAYBOOK_ENCRYPTION_PREVIOUS_KEYS");
                keys.putIfAbsent(idOf(key), key);
            }
        }
    }

    public String seal(String plaintext, String teamId) {
        try {
            byte[] nonce = new byte[NONCE_BYTES];
            RANDOM.nextBytes(nonce);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, keys.get(currentId), new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(teamId.getBytes(StandardCharsets.UTF_8));
            byte[] sealed = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] out = new byte[nonce.length + sealed.length];
            System.arraycopy(nonce, 0, out, 0, nonce.length);
            System.arraycopy(sealed, 0, out, nonce.length, sealed.length);
            return "v1:" + currentId + ":" + Base64.getEncoder().encodeToString(out);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Could not encrypt a token", e);
        }
    }

    public String open(String sealed, String teamId) {
        String[] parts = sealed.split(":", 3);
        if (parts.length != 3 || !parts[0].equals("v1")) {
            throw new IllegalStateException("Not a token sealed by Daybook");
        }
        SecretKey key = keys.get(parts[1]);
        if (key == null) {
            throw new IllegalStateException("A token is sealed with key " + parts[1]
                    + ", which is neither DAYBOOK_ENCRYPTION_KEY nor in DAYBOOK_ENCRYPTION_PREVIOUS_KEYS");
        }
        try {
            byte[] in = Base64.getDecoder().decode(parts[2]);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, in, 0, NONCE_BYTES));
            cipher.updateAAD(teamId.getBytes(StandardCharsets.UTF_8));
            return new String(cipher.doFinal(in, NONCE_BYTES, in.length - NONCE_BYTES), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("A stored token could not be decrypted (wrong key or altered data)", e);
        }
    }

    public boolean isCurrent(String sealed) {
        return sealed.startsWith("v1:" + currentId + ":");
    }

    private static SecretKey decode(String base64, String name) {
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(base64.strip());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(name + " must be Base64 (for example: openssl rand -base64 32)");
        }
        if (bytes.length != 32) {
            throw new IllegalArgumentException(name + " must be 32 bytes, Base64-encoded (openssl rand -base64 32); got "
                    + bytes.length + " bytes");
        }
        return new SecretKeySpec(bytes, "AES");
    }

    private static String idOf(SecretKey key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getEncoded());
            return HexFormat.of().formatHex(digest, 0, 4);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
