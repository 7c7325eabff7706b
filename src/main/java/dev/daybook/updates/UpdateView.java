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
}
