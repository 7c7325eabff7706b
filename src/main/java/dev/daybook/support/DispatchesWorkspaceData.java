package dev.daybook.support;

import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

@Component
@Order(300)
class DispatchesWorkspaceData implements WorkspaceData {

    private final JdbcTemplate jdbc;

    DispatchesWorkspaceData(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void deleteWorkspace(String teamId) {
        jdbc.update("delete from scheduled_dispatch where team_id = ?", teamId);
    }
}
