package dev.daybook.updates;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.daybook.projects.Category;
import dev.daybook.support.StorableText;

/**
 * Reads the update format of PRODUCT.md: Update / Next / Blockers headings (any case, bold, Markdown,
 * English or Chinese), bulleted or plain items, {@code ;}-separated items in the one-line form, and
 * budget tags ({@code [core]}, {@code [20]}, {@code [2h]}) which are taken out of the item text.
 * Slack markup (links, mentions, emoji) is left exactly as written.
 *
 * <p>Plain Java with no I/O; every regular expression here is linear in the input.
 */
public final class UpdateParser {

    /** Where the text came from decides how much it must look like an update. */
    public enum Form {
        /** {@code /update} or the modal: the author meant it as an update, so unheaded text is the Update part. */
        COMMAND,
        /** A channel message: only recorded when it is headed like an update. */
        MESSAGE
    }

    public static final int MAX_LENGTH = 100_000;

    private static final String KEYWORDS =
            "next\\s+steps?|next|updates?|blockers?|更新|接下来|下一步|阻碍|需要帮助";
    private static final String EMPHASIS = "(?:\\*{1,2}|_{1,2})";
    private static final String EMOJI = "(?::[a-z0-9_+'-]+:\\s*)";

    /** A heading on a line of its own, optionally followed (after a colon) by the first item. */
    private static final Pattern HEADING_LINE = Pattern.compile(
            "^\\s*" + EMOJI + "?(?:#{1,6}\\s*)?" + EMPHASIS + "?" + EMOJI + "?(" + KEYWORDS + ")(?![\\p{L}\\p{N}])"
                    + "\\s*" + EMPHASIS + "?\\s*([:：])?\\s*" + EMPHASIS + "?\\s*(.*)$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** A heading inside a one-line text: it must carry a colon. */
    private static final Pattern INLINE_HEADING = Pattern.compile(
            "(?<![\\p{IsLatin}\\p{N}])" + EMPHASIS + "?(" + KEYWORDS + ")(?![\\p{L}\\p{N}])\\s*" + EMPHASIS
                    + "?\\s*[:：]\\s*" + EMPHASIS + "?",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private static final Pattern BULLET = Pattern.compile("^\\s*(?:[-*•◦‣▪▫●○–—+]|\\d{1,3}[.)])\\s+(.*)$");
    private static final Pattern ITEM_SEPARATOR = Pattern.compile("[;；]");
    private static final Pattern TAG = Pattern.compile("\\[([^\\[\\]\\n]{1,40})\\](?!\\()");
    private static final Pattern TAG_TOKEN_SPLIT = Pattern.compile("[\\s,/+]+");
    private static final Pattern HOURS = Pattern.compile("(\\d{1,4}(?:[.,]\\d{1,2})?)\\s*(h|hr|hrs|hour|hours|m|min|mins)");
    private static final Pattern EMOJI_CODE = Pattern.compile(":[a-z0-9_+'-]+:", Pattern.CASE_INSENSITIVE);
    private static final Pattern SPACES = Pattern.compile("[ \\t\\u00A0]{2,}");
    private static final Pattern INVISIBLE = Pattern.compile("[\\u200B\\u200C\\u200D\\u2060\\uFEFF]");

    private static final Map<String, Category> CATEGORY_TAGS = Map.of(
            "core", Category.CORE, "70", Category.CORE,
            "adjacent", Category.ADJACENT, "20", Category.ADJACENT, "learning", Category.ADJACENT,
            "moonshot", Category.MOONSHOT, "10", Category.MOONSHOT);

    public ParsedUpdate parse(String text, Form form) {
        List<ParseProblem> problems = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return new ParsedUpdate(List.of(), List.of(ParseProblem.of(ParseProblem.Kind.EMPTY)), form == Form.COMMAND);
        }
        if (text.length() > MAX_LENGTH) {
            return new ParsedUpdate(List.of(),
                    List.of(new ParseProblem(ParseProblem.Kind.TOO_LONG, String.format(Locale.ROOT, "%,d", MAX_LENGTH))),
                    true);
        }
        String normalized = INVISIBLE.matcher(StorableText.of(text.replace("\r\n", "\n").replace('\r', '\n')))
                .replaceAll("").strip();

        Draft draft = normalized.indexOf('\n') < 0 ? readOneLine(normalized, form) : readLines(normalized, form);
        if (form == Form.MESSAGE && !draft.looksLikeUpdate()) {
            return new ParsedUpdate(List.of(), List.of(ParseProblem.of(ParseProblem.Kind.NO_UPDATE)), false);
        }

        List<ParsedItem> items = new ArrayList<>();
        int wordless = 0;
        for (RawItem raw : draft.items) {
            ParsedItem item = finish(raw, problems);
            if (item == null) {
                continue;
            }
            if (!hasWords(item.text())) {
                wordless++;
                continue;
            }
            items.add(item);
        }
        if (wordless > 0) {
            problems.add(new ParseProblem(ParseProblem.Kind.NO_WORDS, wordless == 1 ? "1 item" : wordless + " items"));
        }

        boolean anyUpdate = items.stream().anyMatch(i -> i.section() == Section.UPDATE);
        boolean anyNext = items.stream().anyMatch(i -> i.section() == Section.NEXT);
        if (items.isEmpty()) {
            problems.add(0, ParseProblem.of(ParseProblem.Kind.EMPTY));
        } else if (!anyUpdate) {
            problems.add(0, ParseProblem.of(ParseProblem.Kind.NO_UPDATE));
        } else if (!anyNext) {
            problems.add(0, ParseProblem.of(ParseProblem.Kind.NO_NEXT));
        }
        return new ParsedUpdate(items, problems, true);
    }

    /** Multi-line text: headings on their own lines, one item per bullet or line. */
    private Draft readLines(String text, Form form) {
        Draft draft = new Draft(false);
        Section current = null;
        RawItem last = null;
        boolean inCode = false;
        for (String line : text.split("\n", -1)) {
            if (inCode || line.strip().startsWith("```")) {
                // Code blocks are kept verbatim inside the item they belong to.
                if (fenceCount(line) % 2 == 1) {
                    inCode = !inCode;
                }
                if (current == null) {
                    if (form == Form.MESSAGE) {
                        continue;
                    }
                    current = Section.UPDATE;
                }
                if (last == null || last.section != current) {
                    last = draft.add(current, line.strip());
                } else {
                    last.append(line);
                }
                continue;
            }
            Matcher heading = HEADING_LINE.matcher(line);
            if (heading.matches() && (heading.group(2) != null || heading.group(3).isBlank())) {
                current = sectionOf(heading.group(1));
                draft.headed.add(current);
                last = null;
                String rest = heading.group(3).strip();
                if (!rest.isEmpty()) {
                    last = draft.add(current, rest);
                }
                continue;
            }
            if (line.isBlank()) {
                last = null;
                continue;
            }
            if (current == null) {
                if (form == Form.MESSAGE) {
                    continue; // a greeting before the first heading is not part of the update
                }
                current = Section.UPDATE;
            }
            Matcher bullet = BULLET.matcher(line);
            if (bullet.matches()) {
                last = draft.add(current, bullet.group(1).strip());
            } else if (last != null && Character.isWhitespace(line.charAt(0))) {
                last.append(line.strip());
            } else {
                last = draft.add(current, line.strip());
            }
        }
        return draft;
    }

    /** One-line text: headings need a colon, and {@code ;} separates items. */
    private Draft readOneLine(String text, Form form) {
        Draft draft = new Draft(true);
        Matcher heading = INLINE_HEADING.matcher(text);
        Section current = form == Form.COMMAND ? Section.UPDATE : null;
        int start = 0;
        while (heading.find()) {
            addSeparated(draft, current, text.substring(start, heading.start()));
            current = sectionOf(heading.group(1));
            draft.headed.add(current);
            start = heading.end();
        }
        addSeparated(draft, current, text.substring(start));
        return draft;
    }

    private static void addSeparated(Draft draft, Section section, String segment) {
        if (section == null) {
            return;
        }
        for (String part : ITEM_SEPARATOR.split(segment)) {
            String item = part.strip();
            Matcher bullet = BULLET.matcher(item);
            if (bullet.matches()) {
                item = bullet.group(1).strip();
            }
            if (!item.isEmpty()) {
                draft.add(section, item);
            }
        }
    }

    private static ParsedItem finish(RawItem raw, List<ParseProblem> problems) {
        Category category = null;
        Double hours = null;
        StringBuilder text = new StringBuilder();
        Matcher tag = TAG.matcher(raw.text);
        int from = 0;
        while (tag.find()) {
            Tags tags = readTag(tag.group(1));
            if (tags == null) {
                continue; // not a budget tag ([WIP], [link]...): leave it in the text
            }
            text.append(raw.text, from, tag.start());
            from = tag.end();
            if (tags.category != null) {
                if (category == null) {
                    category = tags.category;
                } else if (category != tags.category) {
                    problems.add(new ParseProblem(ParseProblem.Kind.CONFLICTING_TAGS, tag.group()));
                }
            }
            if (tags.badHours) {
                problems.add(new ParseProblem(ParseProblem.Kind.BAD_HOURS, tag.group()));
            } else if (tags.hours != null) {
                if (hours == null) {
                    hours = tags.hours;
                } else {
                    problems.add(new ParseProblem(ParseProblem.Kind.CONFLICTING_TAGS, tag.group()));
                }
            }
        }
        text.append(raw.text, from, raw.text.length());
        String cleaned = raw.multiline ? text.toString().strip() : SPACES.matcher(text).replaceAll(" ").strip();
        if (cleaned.isEmpty()) {
            return null;
        }
        ItemReferences references = ReferenceReader.read(cleaned);
        problems.addAll(references.problems());
        return new ParsedItem(raw.section, cleaned, category, hours, references);
    }

    /** Reads the inside of {@code [...]}; null unless every token is a budget tag. */
    private static Tags readTag(String inside) {
        Tags tags = new Tags();
        String[] tokens = TAG_TOKEN_SPLIT.split(inside.strip().toLowerCase(Locale.ROOT));
        if (tokens.length == 0 || tokens.length > 3) {
            return null;
        }
        for (String token : tokens) {
            Category category = CATEGORY_TAGS.get(token);
            if (category != null) {
                if (tags.category != null && tags.category != category) {
                    return null;
                }
                tags.category = category;
                continue;
            }
            Matcher hours = HOURS.matcher(token);
            if (!hours.matches()) {
                return null;
            }
            double value = Double.parseDouble(hours.group(1).replace(',', '.'));
            if (hours.group(2).startsWith("m")) {
                value = value / 60.0;
            }
            if (value <= 0 || value > 24) {
                tags.badHours = true;
            } else {
                tags.hours = Math.round(value * 100.0) / 100.0;
            }
        }
        return tags;
    }

    private static boolean hasWords(String text) {
        if (text.indexOf('<') >= 0) {
            return true; // a link, mention or channel reference says something
        }
        String withoutEmoji = EMOJI_CODE.matcher(text).replaceAll("");
        return withoutEmoji.codePoints().anyMatch(Character::isLetterOrDigit);
    }

    private static Section sectionOf(String keyword) {
        String k = keyword.toLowerCase(Locale.ROOT);
        if (k.startsWith("next") || k.equals("接下来") || k.equals("下一步")) {
            return Section.NEXT;
        }
        if (k.startsWith("blocker") || k.equals("阻碍") || k.equals("需要帮助")) {
            return Section.BLOCKER;
        }
        return Section.UPDATE;
    }

    private static int fenceCount(String line) {
        int count = 0;
        for (int i = line.indexOf("```"); i >= 0; i = line.indexOf("```", i + 3)) {
            count++;
        }
        return count;
    }

    private static final class Tags {
        Category category;
        Double hours;
        boolean badHours;
    }

    private static final class RawItem {
        final Section section;
        String text;
        boolean multiline;

        RawItem(Section section, String text) {
            this.section = section;
            this.text = text;
        }

        void append(String more) {
            text = text + "\n" + more;
            multiline = true;
        }
    }

    private static final class Draft {
        final boolean oneLine;
        final List<RawItem> items = new ArrayList<>();
        final Set<Section> headed = EnumSet.noneOf(Section.class);

        Draft(boolean oneLine) {
            this.oneLine = oneLine;
        }

        RawItem add(Section section, String text) {
            RawItem item = new RawItem(section, text);
            items.add(item);
            return item;
        }

        /**
         * A channel message counts as an update when it has an Update heading; a single line needs
         * Next as well, since "Update: the server is back" is chatter, not an end-of-day post.
         */
        boolean looksLikeUpdate() {
            return headed.contains(Section.UPDATE) && (!oneLine || headed.contains(Section.NEXT));
        }
    }
}
