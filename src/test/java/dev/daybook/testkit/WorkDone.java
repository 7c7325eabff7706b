package dev.daybook.testkit;

import java.time.Duration;

import javax.sql.DataSource;
import org.awaitility.Awaitility;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Waits until nothing a test set going is still outstanding, so that it can then assert that
 * something did <em>not</em> happen (no second post, no further call) without waiting for a fixed
 * time: the work that could have done it has finished. Outstanding means an acknowledged update not
 * yet derived ({@code update_submission}, by channel or author) or an event publication that
 * mentions one of the ids, or is of a type so named ({@code "ScheduledMessageDue"}). Publications are
 * deleted when complete and kept while they fail and are retried, and a listener's own events are
 * published before its publication completes, so there is no moment in a chain of work when none is
 * outstanding.
 */
public final class WorkDone {

    private WorkDone() {
    }

    public static void await(DataSource dataSource, String... ids) {
        JdbcClient jdbc = JdbcClient.create(dataSource);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            for (String id : ids) {
                if (jdbc.sql("select count(*) from update_submission where channel_id = ? or user_id = ?")
                        .param(id).param(id).query(Long.class).single() > 0
                        || jdbc.sql("select count(*) from event_publication where serialized_event like ? or event_type like ?")
                        .param("%" + id + "%").param("%." + id).query(Long.class).single() > 0) {
                    return false;
                }
            }
            return true;
        });
    }
}
