package dev.daybook.runs;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import dev.daybook.support.WorkspaceData;
import dev.daybook.runs.tracking.TrackingServers;

@Component
@Order(200)
class RunsWorkspaceData implements WorkspaceData {

    private final Runs runs;
    private final TrackingServers servers;

    RunsWorkspaceData(Runs runs, TrackingServers servers) {
        this.runs = runs;
        this.servers = servers;
    }

    @Override
    public void deleteWorkspace(String teamId) {
        runs.deleteWorkspace(teamId);
        servers.deleteWorkspace(teamId);
    }
}
