package dev.daybook.updates.recording;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class DerivationWorkersTests {

    private final DerivationWorkers workers = new DerivationWorkers();

    @AfterEach
    void stop() {
        workers.stop();
    }

    @Test
    void aBurstForOneAuthorIsOneRunAndOneMoreForWhatCameWhileItRan() throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger runs = new AtomicInteger();
        AtomicInteger running = new AtomicInteger();
        AtomicInteger mostAtOnce = new AtomicInteger();
        Runnable derive = () -> {
            mostAtOnce.accumulateAndGet(running.incrementAndGet(), Math::max);
            runs.incrementAndGet();
            started.countDown();
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            running.decrementAndGet();
        };
        workers.execute("ada", derive);
        assertThat(started.await(20, TimeUnit.SECONDS)).isTrue();
        for (int i = 0; i < 50; i++) {
            workers.execute("ada", derive); // posts acknowledged while her derivation runs
        }
        release.countDown();
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> workers.pool().getActiveCount() == 0
                && workers.pool().getQueue().isEmpty() && running.get() == 0);
        assertThat(runs.get()).as("the running one, then once more for all that came meanwhile").isEqualTo(2);
        assertThat(mostAtOnce.get()).as("never two workers on one author").isEqualTo(1);
    }

    @Test
    void authorsAreDerivedSideBySideAndEachRunsAgainWhenAskedAfterItsRunEnded() {
        AtomicInteger ada = new AtomicInteger();
        AtomicInteger alan = new AtomicInteger();
        workers.execute("ada", ada::incrementAndGet);
        workers.execute("alan", alan::incrementAndGet);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> ada.get() == 1 && alan.get() == 1);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> workers.pool().getActiveCount() == 0);
        workers.execute("ada", ada::incrementAndGet);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> ada.get() == 2);
    }

    @Test
    void aFailedRunDoesNotKeepTheAuthorFromTheNextOne() {
        AtomicInteger tries = new AtomicInteger();
        workers.execute("ada", () -> {
            tries.incrementAndGet();
            throw new IllegalStateException("database away");
        });
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> tries.get() == 1);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> workers.pool().getActiveCount() == 0);
        workers.execute("ada", tries::incrementAndGet);
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> tries.get() == 2);
    }
}
