package dev.daybook.updates;

import java.time.LocalDate;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An update as the read API and the personal export write it: one format for both. */
record UpdateJson(long id, String project, String user, LocalDate date, String source, int revision,
                  boolean filedLate, List<ItemJson> items) {

    static UpdateJson of(UpdateView update, String projectName) {
        return new UpdateJson(update.id(), projectName, update.userId(), update.day(), update.source().label(),
                update.revision(), update.filedLate(), update.items().stream().map(ItemJson::of).toList());
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record ItemJson(String section, String text, String category, Double hours) {

        static ItemJson of(UpdateItem item) {
            return new ItemJson(item.section().label(), item.text(), item.category().label(), item.hours());
        }
    }
}
