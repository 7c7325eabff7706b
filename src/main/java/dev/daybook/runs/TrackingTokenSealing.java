package dev.daybook.runs;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * At startup, seals MLflow tokens kept in plain text by earlier versions, and reseals those sealed
 * under a previous key after a rotation, as Slack installation tokens are resealed.
 */
@Component
class TrackingTokenSealing {

    private static final Logger log = LoggerFactory.getLogger(TrackingTokenSealing.class);

    private final TrackingServers servers;

    TrackingTokenSealing(TrackingServers servers) {
        this.servers = servers;
    }

    @EventListener(ApplicationStartedEvent.class)
    @Transactional
    public void sealStoredTokens() {
        int sealed = servers.sealStoredTokens();
        if (sealed > 0) {
            log.info("MLflow: encrypted {} stored tracking-server tokens with the current DAYBOOK_ENCRYPTION_KEY.", sealed);
        }
    }
}
