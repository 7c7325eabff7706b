package dev.daybook.runs;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.daybook.testkit.SlackAppTest;

/** Daybook with DAYBOOK_ENCRYPTION_KEY set, so MLflow tokens can be stored (sealed). One context for all such tests. */
abstract class WithEncryptionKey extends SlackAppTest {

    static final String ENCRYPTION_KEY = "q83vEjRWd4iaq83vEjRWd4iaq83vEjRWd4iaq83vEjQ=";

    @DynamicPropertySource
    static void encryptionKey(DynamicPropertyRegistry registry) {
        registry.add("daybook.encryption.key", () -> ENCRYPTION_KEY);
    }
}
