package dev.daybook.runs.wandb;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import org.springframework.stereotype.Component;

/**
 * Whether W&amp;B refused the configured key, kept in memory: the key is the operator's, set at start, so
 * the note lasts until the key works again or Daybook restarts (with, perhaps, another key).
 */
@Component
public class WandbKeyState {

    private final AtomicReference<Instant> refusedAt = new AtomicReference<>();

    public void refused(Instant when) {
        refusedAt.set(when);
    }

    public void accepted() {
        refusedAt.set(null);
    }

    public Instant refusedAt() {
        return refusedAt.get();
    }
}
