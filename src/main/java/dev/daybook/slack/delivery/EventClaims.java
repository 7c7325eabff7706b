package dev.daybook.slack.delivery;

import java.time.Clock;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.daybook.support.InsertIfAbsent;
import dev.daybook.support.Timestamps;

/**
 * Slack delivers events at least once and retries with the same {@code event_id}; Bolt does not
 * de-duplicate. An event is handled only by the transaction that first claims its id, so a retry
 * arriving while the first attempt still runs waits for it and then finds the id taken.
 */
@Component
public class EventClaims {

    private final InsertIfAbsent inserts;
    private final Clock clock;

    EventClaims(InsertIfAbsent inserts, Clock clock) {
        this.inserts = inserts;
        this.clock = clock;
    }

    /** Claims the event inside the caller's transaction; false when it was handled before. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean claim(String teamId, String eventId) {
        return inserts.insert("insert into slack_event_receipt (event_id, team_id, received_at) values (?, ?, ?)",
                eventId, teamId == null ? "" : teamId, Timestamps.of(clock.instant()));
    }
}
