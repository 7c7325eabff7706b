package dev.daybook.digest.scheduling;

import dev.daybook.digest.web.DigestLinks;

import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import dev.daybook.support.WorkspaceData;

@Component
@Order(300)
class DigestWorkspaceData implements WorkspaceData {

    private final DigestSchedules schedules;
    private final DigestLinks links;

    DigestWorkspaceData(DigestSchedules schedules, DigestLinks links) {
        this.schedules = schedules;
        this.links = links;
    }

    @Override
    public void deleteWorkspace(String teamId) {
        links.deleteWorkspace(teamId);
        schedules.deleteWorkspace(teamId);
    }
}
