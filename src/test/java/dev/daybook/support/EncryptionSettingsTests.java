package dev.daybook.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class EncryptionSettingsTests {

    static final String OLD = "9tImiiCb4ahVgoV3Vcn/u2sIMxKaXK4sKhMIfUoBfTM=";
    static final String NEW = "oaJG5HMbOFabeWN6fw5sLoaJYwCIIzEV5lrBi8nEyu4=";

    @Test
    void severalKeysNewFirstTheRestForReading() {
        EncryptionSettings settings = new EncryptionSettings(" " + NEW + " , " + OLD + ",", List.of());

        assertThat(settings.hasKey()).isTrue();
        assertThat(settings.sealingKey()).isEqualTo(NEW);
        assertThat(settings.openingKeys()).containsExactly(OLD);
    }

    @Test
    void previousKeysStillCountForReading() {
        EncryptionSettings settings = new EncryptionSettings(NEW, List.of(OLD, " "));

        assertThat(settings.sealingKey()).isEqualTo(NEW);
        assertThat(settings.openingKeys()).containsExactly(OLD);
    }

    @Test
    void noKeyAtAll() {
        for (EncryptionSettings none : List.of(new EncryptionSettings(null, null), new EncryptionSettings("", List.of()),
                new EncryptionSettings(" , ", List.of("")))) {
            assertThat(none.hasKey()).isFalse();
            assertThat(none.sealingKey()).isNull();
            assertThat(none.openingKeys()).isEmpty();
        }
    }

    @Test
    void aValueSealedUnderTheOldKeyOpensWithBothAndIsResealedUnderTheNew() {
        String sealed = new TokenCipher(OLD, List.of()).seal("secret", "T1");
        EncryptionSettings rotated = new EncryptionSettings(NEW + "," + OLD, List.of());
        Secrets secrets = new Secrets(rotated);

        assertThat(secrets.open(sealed, "T1")).isEqualTo("secret");
        assertThat(secrets.needsSealing(sealed)).isTrue();
        assertThat(secrets.needsSealing(secrets.seal("secret", "T1"))).isFalse();
    }

    @Test
    void whatNoKeyOpensIsEmptyNotAnError() {
        String sealed = new TokenCipher(OLD, List.of()).seal("secret", "T1");

        assertThat(new Secrets(new EncryptionSettings(NEW, List.of())).tryOpen(sealed, "T1")).isEmpty();
        assertThat(new Secrets(new EncryptionSettings(null, List.of())).tryOpen(sealed, "T1")).isEmpty();
        assertThat(new Secrets(new EncryptionSettings(OLD, List.of())).tryOpen(sealed, "T2")).as("another workspace").isEmpty();
        for (String forged : List.of("v1:", "v1:abcd:", "v1:abcd:%%%", "v1:" + "x".repeat(10_000), "v1:a:b:c")) {
            assertThat(new Secrets(new EncryptionSettings(OLD, List.of())).tryOpen(forged, "T1")).as(forged).isEmpty();
        }
    }

    @Test
    void aMalformedKeyIsAConfigurationErrorNamedClearly() {
        assertThatThrownBy(() -> new Secrets(new EncryptionSettings("not-base64!", List.of())))
                .hasMessageContaining("DAYBOOK_ENCRYPTION_KEY");
        assertThatThrownBy(() -> new Secrets(new EncryptionSettings(NEW + ",c2hvcnQ=", List.of())))
                .hasMessageContaining("32 bytes");
    }
}
