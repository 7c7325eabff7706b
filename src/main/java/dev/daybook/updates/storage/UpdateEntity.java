package dev.daybook.updates.storage;

import dev.daybook.updates.Blockers;
import dev.daybook.updates.UpdateItem;
import dev.daybook.updates.UpdateSource;
import dev.daybook.updates.UpdateView;
import dev.daybook.updates.blockers.BlockerFacts;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import jakarta.persistence.CascadeType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;

@Entity
@Table(name = "daily_update")
public class UpdateEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String teamId;

    @Column(nullable = false)
    private long projectId;

    @Column(nullable = false)
    private String userId;

    @Column(name = "work_day", nullable = false)
    private LocalDate day;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private UpdateSource source;

    @Column(nullable = false)
    private int revision;

    @Column(nullable = false)
    private boolean filedLate;

    /** It had a Blockers part, or said it has no blockers: earlier blockers it does not list are resolved. */
    @Column(nullable = false)
    private boolean blockersStated;

    @Column(nullable = false)
    private Instant createdAt;

    @Column(nullable = false)
    private Instant updatedAt;

    @OneToMany(mappedBy = "update", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    private List<UpdateItemEntity> items = new ArrayList<>();

    /**
     * What the blocker rule read of this update when this transaction first changed it (the blocker
     * table reflects that version); null until then.
     */
    @Transient
    private BlockerFacts blockerFactsBefore;

    protected UpdateEntity() {
    }

    /** Replaces the items with those of a new revision. */
    public void revise(UpdateSource source, List<UpdateItem> newItems, boolean blockersStated, Instant now) {
        noteBlockerFacts();
        this.source = source;
        this.revision = revision + 1;
        this.updatedAt = now;
        this.blockersStated = blockersStated;
        replaceItems(newItems);
    }

    /** Goes back to an earlier revision after a later one was withdrawn. */
    public void restore(UpdateSource source, List<UpdateItem> oldItems, boolean blockersStated, Instant now) {
        noteBlockerFacts();
        this.source = source;
        this.updatedAt = now;
        this.blockersStated = blockersStated;
        replaceItems(oldItems);
    }

    private void noteBlockerFacts() {
        if (blockerFactsBefore == null) {
            // A day just opened holds nothing yet: no need to load its (empty) items to know that.
            blockerFactsBefore = revision == 0 ? BlockerFacts.of(List.of(), false) : blockerFacts();
        }
    }

    private void replaceItems(List<UpdateItem> newItems) {
        items.clear();
        int position = 0;
        for (UpdateItem item : newItems) {
            items.add(new UpdateItemEntity(this, position++, item));
        }
    }

    BlockerFacts blockerFacts() {
        return BlockerFacts.of(items(), blockersStated);
    }

    /**
     * Whether this transaction's changes leave every blocker as it was: the blocker rule reads the same
     * facts as before them (none, for a new update that lists, states and resolves nothing).
     */
    public boolean blockerFactsUnchanged() {
        return blockerFactsBefore != null && blockerFactsBefore.equals(blockerFacts());
    }

    public UpdateView toView() {
        return new UpdateView(id, teamId, projectId, userId, day, source, revision, filedLate, createdAt, updatedAt,
                items.stream().map(UpdateItemEntity::toItem).toList());
    }

    public Long id() {
        return id;
    }

    public String teamId() {
        return teamId;
    }

    public long projectId() {
        return projectId;
    }

    public String userId() {
        return userId;
    }

    public LocalDate day() {
        return day;
    }

    public int revision() {
        return revision;
    }

    public boolean filedLate() {
        return filedLate;
    }

    public boolean blockersStated() {
        return blockersStated;
    }

    public List<UpdateItem> items() {
        return items.stream().map(UpdateItemEntity::toItem).toList();
    }
}
