package dev.daybook.slack;

import java.time.Instant;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface SlackEventReceipts extends JpaRepository<SlackEventReceipt, String> {

    @Modifying
    @Query("delete from SlackEventReceipt r where r.receivedAt < :before")
    int deleteOlderThan(Instant before);
}
