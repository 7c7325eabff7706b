package dev.daybook.updates.storage;

import dev.daybook.updates.RecordUpdate;
import dev.daybook.updates.UpdatePrompt;
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

/** A post Daybook asked its author about before recording it, with what they chose. */
@Entity
@Table(name = "update_prompt")
public class UpdatePromptEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String teamId;

    @Column(nullable = false)
    private String userId;

    @Column(nullable = false)
    private String channelId;

    private String channelName;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private UpdatePrompt.Kind kind;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private UpdateSource source;

    @Column(nullable = false, length = UpdateParser.MAX_LENGTH)
    private String text;

    @Column(nullable = false)
    private Instant postedAt;

    private String messageTs;

    private String threadTs;

    @Column(nullable = false)
    private Instant createdAt;

    private Instant decidedAt;

    @Enumerated(EnumType.STRING)
    private UpdatePrompt.Choice decision;

    protected UpdatePromptEntity() {
    }

    public UpdatePromptEntity(RecordUpdate request, UpdatePrompt.Kind kind, Instant now) {
        this.teamId = request.teamId();
        this.userId = request.userId();
        this.channelId = request.channelId();
        this.channelName = request.channelName();
        this.kind = kind;
        this.source = request.source();
        this.text = request.text();
        this.postedAt = request.postedAt();
        this.messageTs = request.messageTs();
        this.threadTs = request.threadTs();
        this.createdAt = now;
    }

    /** The post again, as it came, to record it as its author chose. */
    public RecordUpdate request(RecordUpdate.Intent intent) {
        return new RecordUpdate(teamId, channelId, channelName, userId, text, source, postedAt, messageTs, threadTs,
                intent);
    }

    public void decide(UpdatePrompt.Choice choice, Instant now) {
        this.decision = choice;
        this.decidedAt = now;
    }

    public boolean decided() {
        return decision != null;
    }

    public Long id() {
        return id;
    }

    public String userId() {
        return userId;
    }

    UpdatePrompt.Kind kind() {
        return kind;
    }

    UpdatePrompt.Choice decision() {
        return decision;
    }

    Instant createdAt() {
        return createdAt;
    }
}
