package dev.daybook.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import dev.daybook.updates.recording.DerivationWorkers;

/**
 * Keeps every derivation worker busy until closed, so that what is handed to them waits: the tests
 * see an update between its acknowledgement and its derivation.
 */
public final class HeldWorkers implements AutoCloseable {

    private final CountDownLatch release = new CountDownLatch(1);

    private HeldWorkers() {
    }

    public static HeldWorkers hold(DerivationWorkers workers) throws InterruptedException {
        HeldWorkers held = new HeldWorkers();
        CountDownLatch busy = new CountDownLatch(DerivationWorkers.WORKERS);
        for (int i = 0; i < DerivationWorkers.WORKERS; i++) {
            workers.execute(() -> {
                busy.countDown();
                try {
                    held.release.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
        }
        assertThat(busy.await(20, TimeUnit.SECONDS)).as("every derivation worker held").isTrue();
        return held;
    }

    @Override
    public void close() {
        release.countDown();
    }
}
