package dev.daybook.updates.parsing;

import dev.daybook.updates.Section;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import dev.daybook.testkit.UpdateCorpus;
import dev.daybook.testkit.UpdateCorpus.Case;
import dev.daybook.testkit.UpdateCorpus.Item;
import dev.daybook.testkit.UpdateCorpus.Outcome;

/** A reading of a corpus post in the corpus's own terms, so that a mismatch shows every difference at once. */
public final class CorpusReading {

    private CorpusReading() {
    }

    /** What a reading says, in the corpus's terms, so that a mismatch shows every difference at once. */
    public static String of(UpdateParser parser, Case post, String text) {
        ParsedUpdate parsed = parser.parse(text, post.form() == UpdateCorpus.Form.MESSAGE
                ? UpdateParser.Form.MESSAGE : UpdateParser.Form.COMMAND);
        Outcome outcome = switch (parsed.verdict()) {
            case NOT_AN_UPDATE -> Outcome.IGNORE;
            case MAYBE -> Outcome.ASK;
            case UPDATE -> post.form() == UpdateCorpus.Form.COMMAND && !parsed.hasDone() ? Outcome.REJECT
                    : Outcome.RECORD;
        };
        List<Item> items = new ArrayList<>();
        List<String> leftOut = new ArrayList<>();
        boolean none = false;
        if (outcome == Outcome.RECORD || outcome == Outcome.ASK) {
            parsed.items().forEach(i -> items.add(new Item(i.section().label(), UpdateCorpus.collapsed(i.text()))));
            parsed.leftOut().forEach(l -> leftOut.add(UpdateCorpus.collapsed(l)));
            none = parsed.blockersStated() && parsed.count(Section.BLOCKER) == 0;
        }
        return describe(outcome, items, leftOut, none);
    }

    public static String expected(Case post) {
        return describe(post.outcome(), post.items(), post.leftOut(), post.blockersNone());
    }

    private static String describe(Outcome outcome, List<Item> items, List<String> leftOut, boolean none) {
        StringBuilder s = new StringBuilder(outcome.name().toLowerCase(Locale.ROOT)).append('\n');
        items.forEach(i -> s.append(i).append('\n'));
        leftOut.forEach(l -> s.append("left-out: ").append(l).append('\n'));
        if (none) {
            s.append("blockers-none\n");
        }
        return s.toString();
    }
}
