package dev.daybook.updates.parsing;

import java.util.List;

/** What an item points at: experiment runs (with the metrics written beside them) and client goals. */
public record ItemReferences(List<RunReference> runs, List<String> goals, List<ParseProblem> problems) {

    public static final ItemReferences NONE = new ItemReferences(List.of(), List.of(), List.of());

    public ItemReferences {
        runs = List.copyOf(runs);
        goals = List.copyOf(goals);
        problems = List.copyOf(problems);
    }
}
