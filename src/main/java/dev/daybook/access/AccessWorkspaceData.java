package dev.daybook.access;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import dev.daybook.support.WorkspaceData;

@Component
@Order(200)
class AccessWorkspaceData implements WorkspaceData {

    private final ApiTokens tokens;

    AccessWorkspaceData(ApiTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    public void deleteWorkspace(String teamId) {
        tokens.deleteWorkspace(teamId);
    }
}
