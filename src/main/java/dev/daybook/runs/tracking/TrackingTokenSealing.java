package dev.daybook.runs.tracking;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * At startup, seals MLflow tokens kept in plain text by earlier versions, and reseals those sealed
 * under a previous key after a rotation, as Slack installation tokens are resealed. A token no key
 * opens never stops the start: its project is marked as needing the token again.
 */
@Component
public class TrackingTokenSealing {

    private static final Logger log = LoggerFactory.getLogger(TrackingTokenSealing.class);

    private final TrackingServers servers;
    private final java.time.Clock clock;

    TrackingTokenSealing(TrackingServers servers, java.time.Clock clock) {
        this.servers = servers;
        this.clock = clock;
    }

    @EventListener(ApplicationStartedEvent.class)
    @Transactional
    public void sealStoredTokens() {
        TrackingServers.Sealed result = servers.sealStoredTokens(clock.instant());
        if (result.sealed() > 0) {
            log.info("MLflow: encrypted {} stored tracking-server tokens with the current DAYBOOK_ENCRYPTION_KEY.",
                    result.sealed());
        }
        if (result.unreadable() > 0) {
            log.warn("MLflow: {} stored tracking-server tokens cannot be opened with the keys in DAYBOOK_ENCRYPTION_KEY; "
                    + "those projects must enter their token again in /daybook settings (see /actuator/health/tokens).",
                    result.unreadable());
        }
    }
}
