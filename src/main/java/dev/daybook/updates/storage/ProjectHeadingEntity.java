package dev.daybook.updates.storage;

import dev.daybook.updates.Section;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** One heading a project added to the vocabulary, and the part it names. */
@Entity
@Table(name = "project_heading")
public class ProjectHeadingEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String teamId;

    @Column(nullable = false)
    private long projectId;

    @Column(nullable = false)
    private String phrase;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Section section;

    @Column(nullable = false)
    private Instant createdAt;

    protected ProjectHeadingEntity() {
    }

    public ProjectHeadingEntity(String teamId, long projectId, String phrase, Section section, Instant createdAt) {
        this.teamId = teamId;
        this.projectId = projectId;
        this.phrase = phrase;
        this.section = section;
        this.createdAt = createdAt;
    }

    public String phrase() {
        return phrase;
    }

    public Section section() {
        return section;
    }
}
