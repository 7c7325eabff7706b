package dev.daybook.updates;

import dev.daybook.updates.parsing.ParsedItem;
import dev.daybook.updates.parsing.ParsedUpdate;

import java.time.Instant;

/**
 * One version of an update, as its author can look back on it.
 *
 * @param current whether the update stands as this version now
 * @param summary its first item under Update, to tell versions apart at a glance
 */
public record Revision(int number, UpdateSource source, Instant createdAt, long done, long next, long blockers,
                       String summary, boolean current) {

    static Revision of(int number, UpdateSource source, Instant createdAt, ParsedUpdate parsed, boolean current) {
        String summary = parsed.items(Section.UPDATE).stream().findFirst().map(ParsedItem::text)
                .or(() -> parsed.items().stream().findFirst().map(ParsedItem::text)).orElse("");
        return new Revision(number, source, createdAt, parsed.count(Section.UPDATE), parsed.count(Section.NEXT),
                parsed.count(Section.BLOCKER), summary, current);
    }
}
