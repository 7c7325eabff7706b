package dev.daybook.slack.status;

import java.time.Clock;
import java.util.Optional;

import com.slack.api.bolt.service.AssistantThreadContextService;
import com.slack.api.model.assistant.AssistantThreadContext;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.daybook.support.InsertIfAbsent;
import dev.daybook.support.Timestamps;
import dev.daybook.support.WorkspaceData;

/**
 * The assistant panel's threads, in the database so that every instance knows them: which threaded
 * direct messages belong to the panel, and which channel the person had open beside it. Also Bolt's
 * thread-context store: Bolt's own keeps the context in message metadata through extra Web API calls.
 */
@Component
@Order(700)
class AssistantThreads implements AssistantThreadContextService, WorkspaceData {

    private final JdbcClient jdbc;
    private final InsertIfAbsent insertIfAbsent;
    private final TransactionTemplate transaction;
    private final Clock clock;

    AssistantThreads(JdbcClient jdbc, InsertIfAbsent insertIfAbsent, PlatformTransactionManager transactions, Clock clock) {
        this.jdbc = jdbc;
        this.insertIfAbsent = insertIfAbsent;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    /** Records a thread Slack says started, or the channel now beside it; safe to repeat and to race. */
    void record(String teamId, String channelId, String threadTs, String contextChannelId) {
        if (teamId == null || channelId == null || threadTs == null) {
            return;
        }
        var now = Timestamps.of(clock.instant());
        transaction.executeWithoutResult(status -> {
            boolean added = insertIfAbsent.insert("insert into assistant_thread (team_id, channel_id, thread_ts, "
                    + "context_channel_id, started_at, updated_at) values (?, ?, ?, ?, ?, ?)",
                    teamId, channelId, threadTs, contextChannelId, now, now);
            if (!added && contextChannelId != null) {
                jdbc.sql("update assistant_thread set context_channel_id = ?, updated_at = ? "
                                + "where team_id = ? and channel_id = ? and thread_ts = ?")
                        .params(contextChannelId, now, teamId, channelId, threadTs).update();
            }
        });
    }

    boolean isKnown(String teamId, String channelId, String threadTs) {
        if (teamId == null || channelId == null || threadTs == null) {
            return false;
        }
        return jdbc.sql("select count(*) from assistant_thread where team_id = ? and channel_id = ? and thread_ts = ?")
                .params(teamId, channelId, threadTs).query(Long.class).single() > 0;
    }

    /** The channel the person had open beside the thread, when Slack said. */
    Optional<String> contextChannel(String teamId, String channelId, String threadTs) {
        return jdbc.sql("select context_channel_id from assistant_thread where team_id = ? and channel_id = ? "
                        + "and thread_ts = ? and context_channel_id is not null")
                .params(teamId, channelId, threadTs).query(String.class).optional();
    }

    @Override
    public Optional<AssistantThreadContext> findCurrentContext(String channelId, String threadTs) {
        // A direct message channel's id names one workspace's conversation with Daybook.
        return jdbc.sql("select team_id, context_channel_id from assistant_thread where channel_id = ? and thread_ts = ?")
                .params(channelId, threadTs)
                .query((rs, n) -> AssistantThreadContext.builder().teamId(rs.getString(1)).channelId(rs.getString(2)).build())
                .optional();
    }

    @Override
    public void saveCurrentContext(String channelId, String threadTs, AssistantThreadContext context) {
        if (context != null) {
            record(context.getTeamId(), channelId, threadTs, context.getChannelId());
        }
    }

    @Override
    public void deleteWorkspace(String teamId) {
        jdbc.sql("delete from assistant_thread where team_id = ?").param(teamId).update();
    }
}
