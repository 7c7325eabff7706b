package dev.daybook.goals;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import dev.daybook.support.WorkspaceData;

@Component
@Order(150)
class GoalsWorkspaceData implements WorkspaceData {

    private final Goals goals;

    GoalsWorkspaceData(Goals goals) {
        this.goals = goals;
    }

    @Override
    public void deleteWorkspace(String teamId) {
        goals.deleteWorkspace(teamId);
    }
}
