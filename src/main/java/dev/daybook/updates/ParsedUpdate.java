package dev.daybook.updates;

import java.util.List;

/**
 * The result of reading an update: its items and whatever could not be understood.
 *
 * @param recognised whether the text was meant as an update at all; a channel message without an
 *                   Update heading is not, and is left alone rather than answered
 */
public record ParsedUpdate(List<ParsedItem> items, List<ParseProblem> problems, boolean recognised) {

    public ParsedUpdate {
        items = List.copyOf(items);
        problems = List.copyOf(problems);
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    public long count(Section section) {
        return items.stream().filter(i -> i.section() == section).count();
    }

    public List<ParsedItem> items(Section section) {
        return items.stream().filter(i -> i.section() == section).toList();
    }

    public boolean has(ParseProblem.Kind kind) {
        return problems.stream().anyMatch(p -> p.kind() == kind);
    }
}
