package dev.daybook.updates.storage;

import dev.daybook.updates.Section;
import dev.daybook.updates.UpdateItem;

import dev.daybook.projects.Category;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;

@Entity
@Table(name = "update_item")
class UpdateItemEntity {

    // Ids come fifty at a time from a sequence (V21), so that an update's items go in one batch.
    @Id
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "update_item_ids")
    @SequenceGenerator(name = "update_item_ids", sequenceName = "update_item_seq", allocationSize = 50)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "update_id")
    private UpdateEntity update;

    @Column(nullable = false)
    private String teamId;

    @Column(nullable = false)
    private int position;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Section section;

    @Column(nullable = false, length = 65535)
    private String text;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Category category;

    @Column(nullable = false)
    private boolean categoryTagged;

    private Double hours;

    @Column(nullable = false)
    private boolean negative;

    @Column(nullable = false)
    private boolean clientAsk;

    protected UpdateItemEntity() {
    }

    UpdateItemEntity(UpdateEntity update, int position, UpdateItem item) {
        this.update = update;
        this.teamId = update.teamId();
        this.position = position;
        this.section = item.section();
        this.text = item.text();
        this.category = item.category();
        this.categoryTagged = item.tagged();
        this.hours = item.hours();
        this.negative = item.negative();
        this.clientAsk = item.clientAsk();
    }

    UpdateItem toItem() {
        return new UpdateItem(section, text, category, categoryTagged, hours, negative, clientAsk);
    }
}
