package dev.daybook.slack.delivery;

import java.time.Instant;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface SlackEventReceipts extends JpaRepository<SlackEventReceiptEntity, String> {

    @Modifying
    @Query("delete from SlackEventReceiptEntity r where r.receivedAt < :before")
    int deleteOlderThan(Instant before);
}
