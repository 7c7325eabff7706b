package dev.daybook.canvas;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import dev.daybook.support.WorkspaceData;

@Component
@Order(150)
class CanvasWorkspaceData implements WorkspaceData {

    private final ProjectCanvases canvases;

    CanvasWorkspaceData(ProjectCanvases canvases) {
        this.canvases = canvases;
    }

    @Override
    public void deleteWorkspace(String teamId) {
        canvases.deleteWorkspace(teamId);
    }
}
