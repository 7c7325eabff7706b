package dev.daybook.runs;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import dev.daybook.support.WorkspaceData;
import dev.daybook.runs.tracking.MlflowCursors;
import dev.daybook.runs.tracking.TrackingServers;

@Component
@Order(200)
class RunsWorkspaceData implements WorkspaceData {

    private final Runs runs;
    private final TrackingServers servers;
    private final MlflowCursors cursors;

    RunsWorkspaceData(Runs runs, TrackingServers servers, MlflowCursors cursors) {
        this.runs = runs;
        this.servers = servers;
        this.cursors = cursors;
    }

    @Override
    public void deleteWorkspace(String teamId) {
        cursors.deleteWorkspace(teamId);
        runs.deleteWorkspace(teamId);
        servers.deleteWorkspace(teamId);
    }
}
