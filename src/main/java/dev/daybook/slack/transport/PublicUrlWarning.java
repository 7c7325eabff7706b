package dev.daybook.slack.transport;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;

import dev.daybook.support.PublicUrl;

/**
 * Says at start-up, once Slack is set up for real, that links in Slack would point at this machine:
 * otherwise stakeholders find out from dead links in the first weekly summary.
 */
class PublicUrlWarning {

    private static final Logger log = LoggerFactory.getLogger(PublicUrlWarning.class);

    private final PublicUrl publicUrl;

    PublicUrlWarning(PublicUrl publicUrl) {
        this.publicUrl = publicUrl;
    }

    @EventListener(ApplicationReadyEvent.class)
    void check() {
        if (publicUrl.pointsAtThisMachine()) {
            log.warn("{} Weekly summaries posted in Slack would carry links nobody else can open.",
                    publicUrl.localWarning());
        } else {
            log.info("Links to Daybook start with {}", publicUrl.base());
        }
    }
}
