package dev.daybook.canvas;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.daybook.updates.UpdateDeleted;
import dev.daybook.updates.UpdateRecorded;

/**
 * Counts each recorded or deleted update as a change of its project's canvas, in the transaction that
 * derives it: the change is durable exactly when the update is, and the edit itself is taken from
 * {@code project_canvas} by whoever sweeps for due canvases. Counted from the outbox instead, every
 * update cost a publication, a listener's transaction and the publication's completion: three commits
 * and nine statements more than counting it here (WritePathTests).
 */
@Component
class CanvasChanges {

    private final Canvases canvases;

    CanvasChanges(Canvases canvases) {
        this.canvases = canvases;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(UpdateRecorded recorded) {
        canvases.changed(recorded.teamId(), recorded.projectId(), recorded.channelId());
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(UpdateDeleted deleted) {
        canvases.changed(deleted.teamId(), deleted.projectId(), deleted.channelId());
    }
}
