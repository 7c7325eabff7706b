package dev.daybook.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

class TokenCipherTests {

    private static final String KEY = Base64.getEncoder().encodeToString(new byte[32]);
    private static final String NEW_KEY = Base64.getEncoder().encodeToString("0123456789abcdef0123456789abcdef".getBytes());

    private final TokenCipher cipher = new TokenCipher(KEY, List.of());

    @Test
    void sealsAndOpens() {
        String sealed = cipher.seal("xoxb-1234-secret", "T1");

        assertThat(sealed).startsWith("v1:").doesNotContain("secret");
        assertThat(cipher.open(sealed, "T1")).isEqualTo("xoxb-1234-secret");
    }

    @Test
    void sealsTheSameTokenDifferentlyEachTime() {
        assertThat(cipher.seal("xoxb-1", "T1")).isNotEqualTo(cipher.seal("xoxb-1", "T1"));
    }

    @Test
    void aTokenMovedToAnotherWorkspacesRowDoesNotOpen() {
        String sealed = cipher.seal("xoxb-1", "T1");

        assertThatThrownBy(() -> cipher.open(sealed, "T2")).hasMessageContaining("could not be decrypted");
    }

    @Test
    void anAlteredValueDoesNotOpen() {
        String sealed = cipher.seal("xoxb-1", "T1");
        char[] chars = sealed.toCharArray();
        int inTheCiphertext = sealed.lastIndexOf(':') + 20; // not the last characters: those may be padding bits
        chars[inTheCiphertext] = chars[inTheCiphertext] == 'A' ? 'B' : 'A';

        assertThatThrownBy(() -> cipher.open(new String(chars), "T1")).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> cipher.open("plain-text-token", "T1")).hasMessageContaining("Not a token");
    }

    @Test
    void aRotationOpensOldValuesAndSealsWithTheNewKey() {
        String old = cipher.seal("xoxb-1", "T1");
        TokenCipher rotated = new TokenCipher(NEW_KEY, List.of(KEY));

        assertThat(rotated.open(old, "T1")).isEqualTo("xoxb-1");
        assertThat(rotated.isCurrent(old)).isFalse();
        assertThat(rotated.isCurrent(rotated.seal("xoxb-1", "T1"))).isTrue();
        assertThatThrownBy(() -> new TokenCipher(NEW_KEY, List.of()).open(old, "T1"))
                .hasMessageContaining("DAYBOOK_ENCRYPTION_PREVIOUS_KEYS");
    }

    @Test
    void refusesKeysThatAreNotThirtyTwoBytesOfBase64() {
        assertThatThrownBy(() -> new TokenCipher("c2hvcnQ=", List.of())).hasMessageContaining("32 bytes");
        assertThatThrownBy(() -> new TokenCipher("not base64!!", List.of())).hasMessageContaining("Base64");
    }
}
