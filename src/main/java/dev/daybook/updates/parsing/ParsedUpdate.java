package dev.daybook.updates.parsing;

import org.springframework.modulith.NamedInterface;

import dev.daybook.updates.Blockers;
import dev.daybook.updates.Section;

import java.util.List;

/**
 * The result of reading an update: its items, whatever could not be understood, and how sure the
 * reader is that the text was meant as an update.
 *
 * @param blockersStated the text had a Blockers part, or said it has none ("No blockers."): earlier
 *                       blockers it does not list are resolved
 * @param leftOut        what was written but is in no part: items under a heading Daybook does not keep,
 *                       items with no words
 */
@NamedInterface("parsing")
public record ParsedUpdate(List<ParsedItem> items, List<ParseProblem> problems, Verdict verdict,
                           boolean blockersStated, List<String> leftOut) {

    /** Whether a text was meant as a daily update. */
    public enum Verdict {
        /** Surely an update: a command, or a message headed like one. */
        UPDATE,
        /** Perhaps: a message with one heading over a list, or a daily update title over plain lines; ask its author. */
        MAYBE,
        /** Chat, a question, an announcement, a code snippet: left alone. */
        NOT_AN_UPDATE
    }

    public ParsedUpdate {
        items = List.copyOf(items);
        problems = List.copyOf(problems);
        leftOut = List.copyOf(leftOut);
    }

    /** Whether the text was (or may have been) meant as an update at all. */
    public boolean recognised() {
        return verdict != Verdict.NOT_AN_UPDATE;
    }

    public boolean isEmpty() {
        return items.isEmpty();
    }

    /** Whether there is something done: the one rule every way of posting shares for an update to be recorded. */
    public boolean hasDone() {
        return items.stream().anyMatch(i -> i.section() == Section.UPDATE);
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
