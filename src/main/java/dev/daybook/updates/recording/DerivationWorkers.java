package dev.daybook.updates.recording;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The workers that derive acknowledged updates: two, not the application's eight, since each holds a
 * database connection while it works and the requests that acknowledge updates need the pool's other
 * connections. A queue of waiting derivations costs nothing; an acknowledgement that cannot get a
 * connection fails. (Not an {@link Executor} bean: one would replace Spring's own task executor.)
 * <p>
 * Work for one author runs on one worker at a time, and is queued once however often it is asked for:
 * two workers deriving the same author's posts would queue behind each other's row locks, and a burst
 * of posts would queue one derivation per post where one derives them all. A request for an author
 * whose derivation is running makes it run once more when it ends, so a post acknowledged while it ran
 * is not left waiting.
 */
@Component
public class DerivationWorkers {

    public static final int WORKERS = 2;
    private static final Logger log = LoggerFactory.getLogger(DerivationWorkers.class);

    private final AtomicInteger count = new AtomicInteger();
    private final ThreadPoolExecutor pool = new ThreadPoolExecutor(WORKERS, WORKERS, 60, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(), runnable -> {
                Thread thread = new Thread(runnable, "task-derive-" + count.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });

    private enum State { QUEUED, RUNNING, AGAIN }

    private final Map<Object, State> authors = new ConcurrentHashMap<>();

    public void execute(Runnable work) {
        pool.execute(work);
    }

    /** Runs {@code work} for {@code key} (an author) soon, unless it is queued already; once more if it is running. */
    public void execute(Object key, Runnable work) {
        boolean[] queue = {false};
        authors.compute(key, (k, state) -> {
            if (state == null) {
                queue[0] = true;
                return State.QUEUED;
            }
            return state == State.QUEUED ? State.QUEUED : State.AGAIN;
        });
        if (queue[0]) {
            try {
                pool.execute(() -> runFor(key, work));
            } catch (RuntimeException e) {
                authors.remove(key);
                throw e;
            }
        }
    }

    private void runFor(Object key, Runnable work) {
        authors.put(key, State.RUNNING);
        boolean again;
        do {
            try {
                work.run();
            } catch (RuntimeException e) {
                // What failed stays in update_submission for the sweep or the next reader; the worker goes on.
                log.warn("A derivation failed; what it had to derive waits for the next one", e);
            } finally {
                again = authors.compute(key, (k, state) -> state == State.AGAIN ? State.RUNNING : null) != null;
            }
        } while (again);
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
