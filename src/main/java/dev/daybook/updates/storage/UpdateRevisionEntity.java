package dev.daybook.updates.storage;

import dev.daybook.updates.UpdateSource;
import dev.daybook.updates.parsing.UpdateParser;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** Every version of an update as the author wrote it; the items of the latest are the update's items. */
@Entity
@Table(name = "update_revision")
public class UpdateRevisionEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private long updateId;

    @Column(nullable = false)
    private String teamId;

    @Column(nullable = false)
    private int number;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private UpdateSource source;

    @Column(nullable = false, length = UpdateParser.MAX_LENGTH)
    private String rawText;

    private String channelId;

    private String messageTs;

    /** It added its post to the day's update rather than replacing it. */
    @Column(nullable = false)
    private boolean added;

    @Column(nullable = false)
    private Instant createdAt;

    protected UpdateRevisionEntity() {
    }

    public UpdateRevisionEntity(UpdateEntity update, UpdateSource source, String rawText, String channelId,
                         String messageTs, boolean added, Instant createdAt) {
        this.added = added;
        this.updateId = update.id();
        this.teamId = update.teamId();
        this.number = update.revision();
        this.source = source;
        this.rawText = rawText;
        this.channelId = channelId;
        this.messageTs = messageTs;
        this.createdAt = createdAt;
    }

    public UpdateSource source() {
        return source;
    }

    public String rawText() {
        return rawText;
    }

    public int number() {
        return number;
    }

    public String channelId() {
        return channelId;
    }

    public String messageTs() {
        return messageTs;
    }

    public boolean added() {
        return added;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public boolean from(String channelId, String messageTs) {
        return messageTs != null && messageTs.equals(this.messageTs) && channelId.equals(this.channelId);
    }
}
