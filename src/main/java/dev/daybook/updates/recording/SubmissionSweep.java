package dev.daybook.updates.recording;

import dev.daybook.updates.UpdateService;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Queues acknowledged updates that are still waiting for the derivation workers: at start (those a crash left between the
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
        int authors = queueWaiting();
        if (authors > 0) {
            log.info("Deriving the acknowledged updates of {} author(s) that were waiting at start", authors);
        }
    }

    /** Most often finds the authors the workers are on already, which queues nothing more. */
    @Scheduled(fixedDelayString = "${daybook.updates.sweep-interval:30s}",
            initialDelayString = "${daybook.updates.sweep-interval:30s}")
    void sweep() {
        queueWaiting();
    }

    private int queueWaiting() {
        try {
            return updates.queuePending();
        } catch (RuntimeException e) {
            log.warn("Could not look for acknowledged updates waiting to be derived", e);
            return 0;
        }
    }
}
