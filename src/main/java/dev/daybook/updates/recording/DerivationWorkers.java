package dev.daybook.updates.recording;

import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import org.springframework.stereotype.Component;

/**
 * The workers that derive acknowledged updates: two, not the application's eight, since each holds a
 * database connection while it works and the requests that acknowledge updates need the pool's other
 * connections. A queue of waiting derivations costs nothing; an acknowledgement that cannot get a
 * connection fails. (Not an {@link Executor} bean: one would replace Spring's own task executor.)
 */
@Component
public class DerivationWorkers {

    public static final int WORKERS = 2;

    private final AtomicInteger count = new AtomicInteger();
    private final ThreadPoolExecutor pool = new ThreadPoolExecutor(WORKERS, WORKERS, 60, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(), runnable -> {
                Thread thread = new Thread(runnable, "task-derive-" + count.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });

    public void execute(Runnable work) {
        pool.execute(work);
    }

    /** For tests that look at what happens while derivations wait. */
    public ThreadPoolExecutor pool() {
        return pool;
    }

    @PreDestroy
    void stop() {
        pool.shutdown();
    }
}
