package dev.daybook.updates;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** A recorded update as it stands now (its latest revision). */
public record UpdateView(long id, String teamId, long projectId, String userId, LocalDate day, UpdateSource source,
                         int revision, boolean filedLate, Instant createdAt, Instant updatedAt,
                         List<UpdateItem> items) {

    public List<UpdateItem> items(Section section) {
        return items.stream().filter(i -> i.section() == section).toList();
    }

    /** Its items under Update, as the 70/20/10 budget weighs them. */
    public List<DoneItem> done() {
        return items.stream().filter(i -> i.section() == Section.UPDATE)
                .map(i -> new DoneItem(id, userId, day, i.category(), i.hours())).toList();
    }
}
