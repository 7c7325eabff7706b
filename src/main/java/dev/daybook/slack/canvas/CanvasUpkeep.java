package dev.daybook.slack.canvas;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import dev.daybook.canvas.Canvases;
import dev.daybook.canvas.DueCanvas;

/**
 * Edits the canvases that changed within their minute, or that Slack asked to come back to: each
 * instance looks every {@code daybook.canvas.sweep-every}, and the claim in the database lets one of
 * them make each edit. After a restart, what was due is found here.
 */
@Component
class CanvasUpkeep {

    private static final Logger log = LoggerFactory.getLogger(CanvasUpkeep.class);
    private static final int BATCH = 50;

    private final Canvases canvases;
    private final CanvasKeeper keeper;

    CanvasUpkeep(Canvases canvases, CanvasKeeper keeper) {
        this.canvases = canvases;
        this.keeper = keeper;
    }

    @Scheduled(fixedDelayString = "${daybook.canvas.sweep-every:5s}", initialDelayString = "${daybook.canvas.sweep-every:5s}")
    void editDue() {
        try {
            editDueNow();
        } catch (RuntimeException e) {
            log.info("Canvas: could not look for canvases to edit ({}); trying again shortly.", e.toString());
        }
    }

    /** Edits every canvas due now; how many were edited. */
    int editDueNow() {
        int edited = 0;
        for (DueCanvas due : canvases.due(BATCH)) {
            try {
                if (keeper.keep(due.teamId(), due.projectId()).edited()) {
                    edited++;
                }
            } catch (RuntimeException e) {
                log.info("Canvas: the edit of project {} failed ({}); it stays due.", due.projectId(), e.toString());
            }
        }
        return edited;
    }
}
