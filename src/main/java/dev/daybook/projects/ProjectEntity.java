package dev.daybook.projects;

import java.time.Instant;
import java.time.ZoneId;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "project")
class ProjectEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String teamId;

    @Column(nullable = false)
    private String channelId;

    @Column(nullable = false)
    private String name;

    private String client;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Category defaultCategory;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ShareMode shareMode;

    private String timeZone;

    @Column(nullable = false)
    private boolean archived;

    /** Working days a client ask may wait before a lead is nudged (V61). */
    @Column(nullable = false)
    private int clientAskDays = ProjectDirectory.DEFAULT_CLIENT_ASK_DAYS;

    @Column(nullable = false)
    private Instant createdAt;

    protected ProjectEntity() {
    }

    int clientAskDays() {
        return clientAskDays;
    }

    void clientAskDays(int days) {
        this.clientAskDays = days;
    }

    void rename(String name) {
        this.name = name;
    }

    void archive(boolean archived) {
        this.archived = archived;
    }

    void apply(ProjectSettings settings) {
        this.client = settings.client() == null || settings.client().isBlank() ? null : settings.client().strip();
        this.defaultCategory = settings.defaultCategory();
        this.shareMode = settings.shareMode();
        this.timeZone = settings.timeZone() == null ? null : settings.timeZone().getId();
    }

    Project toProject() {
        return new Project(id, teamId, channelId, name, client, defaultCategory, shareMode,
                timeZone == null ? null : ZoneId.of(timeZone), archived);
    }
}
