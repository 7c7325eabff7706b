package dev.daybook.updates.recording;

import dev.daybook.updates.UpdateService;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Derives acknowledged updates that are still waiting: at start (those a crash left between the
 * answer and the derivation) and then now and then (those whose derivation failed, say while the
 * database was away). Usually there are none, and this is one indexed read.
 */
@Component
class SubmissionSweep {

    private static final Logger log = LoggerFactory.getLogger(SubmissionSweep.class);

    private final UpdateService updates;

    SubmissionSweep(UpdateService updates) {
        this.updates = updates;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        sweep();
    }

    @Scheduled(fixedDelayString = "${daybook.updates.sweep-interval:30s}",
            initialDelayString = "${daybook.updates.sweep-interval:30s}")
    void sweep() {
        try {
            int derived = updates.derivePending();
            if (derived > 0) {
                log.info("Derived {} acknowledged update(s) that were waiting", derived);
            }
        } catch (RuntimeException e) {
            log.warn("Could not look for acknowledged updates waiting to be derived", e);
        }
    }
}
