package dev.daybook.runs;

import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import dev.daybook.testkit.SlackAppTest;

/**
 * Daybook with DAYBOOK_ENCRYPTION_KEY set, so MLflow tokens can be stored (sealed), and with loopback
 * addresses allowed for tracking servers, since the stand-in MLflow listens on 127.0.0.1 (by default
 * Daybook refuses them: {@code TrackingServerAddressTests}). One context for all such tests.
 */
public abstract class WithEncryptionKey extends SlackAppTest {

    public static final String ENCRYPTION_KEY = "q83vEjRWd4iaq83vEjRWd4iaq83vEjRWd4iaq83vEjQ=";

    @DynamicPropertySource
    public static void encryptionKey(DynamicPropertyRegistry registry) {
        registry.add("daybook.encryption.key", () -> ENCRYPTION_KEY);
        registry.add("daybook.runs.tracking-servers.allow-loopback", () -> "true");
        // The stand-in MLflow's slow run answers after 3 s: the first call gives up before that.
        registry.add("daybook.mlflow.timeout", () -> "2s");
    }

    /** Waits until nothing is outstanding about these runs or in the channel that named them ({@link RunWork}). */
    protected void awaitRunWorkDone(String channel, RunView... runs) {
        awaitWorkDone(RunWork.of(channel, runs));
    }
}
