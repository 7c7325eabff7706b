package dev.daybook.updates.api;

import dev.daybook.updates.UpdateItem;
import dev.daybook.updates.UpdateView;
import dev.daybook.updates.parsing.ItemReferences;
import dev.daybook.updates.parsing.RunReference;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonInclude;

/** An update as the read API and the personal export write it: one format for both. */
public record UpdateJson(long id, String project, String user, LocalDate date, String source, int revision,
                  boolean filedLate, List<ItemJson> items) {

    public static UpdateJson of(UpdateView update, String projectName) {
        return new UpdateJson(update.id(), projectName, update.userId(), update.day(), update.source().label(),
                update.revision(), update.filedLate(), update.items().stream().map(ItemJson::of).toList());
    }

    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    record ItemJson(String section, String text, String category, Double hours, List<RunJson> runs,
                    List<String> goals) {

        static ItemJson of(UpdateItem item) {
            ItemReferences references = item.references();
            return new ItemJson(item.section().label(), item.text(), item.category().label(), item.hours(),
                    references.runs().stream().map(RunJson::of).toList(), references.goals());
        }
    }

    /** A run named in an item, with the metrics written beside it. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record RunJson(String id, String source, String url, Map<String, Double> metrics) {

        static RunJson of(RunReference run) {
            return new RunJson(run.id(), run.source(), run.url(), new TreeMap<>(run.metrics()));
        }
    }
}
