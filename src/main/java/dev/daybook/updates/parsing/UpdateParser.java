package dev.daybook.updates.parsing;

import dev.daybook.updates.Blockers;
import dev.daybook.updates.Headings;
import dev.daybook.updates.Section;
import dev.daybook.updates.blockers.BlockerText;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.daybook.projects.Category;
import dev.daybook.support.StorableText;
import dev.daybook.updates.parsing.HeadingReader.Heading;
import dev.daybook.updates.parsing.HeadingVocabulary.Entry;
import dev.daybook.updates.parsing.HeadingVocabulary.Meaning;
import dev.daybook.updates.parsing.ParsedUpdate.Verdict;
import dev.daybook.updates.parsing.PostLines.Kind;
import dev.daybook.updates.parsing.PostLines.Line;

/**
 * Reads a daily update the ways teams write one: the parts named by any heading of the
 * {@link HeadingVocabulary} (bold, Markdown, emoji, English or Chinese; "Today" read by the rest of the
 * message), bulleted or plain items, {@code ;}-separated items in the one-line form, budget tags
 * ({@code [core]}, {@code [20]}, {@code [2h]}) taken out of the item text; "none" under Blockers is no
 * blocker; greetings, sign-offs and cc lines are not items. For a channel message it also says how
 * sure it is that the message was meant as an update. Slack markup (links, mentions, emoji) is left
 * exactly as written.
 *
 * <p>Plain Java with no I/O; every regular expression here is linear in the input.
 */
public final class UpdateParser {

    /** Where the text came from decides how much it must look like an update. */
    public enum Form {
        /** {@code /update} or the modal: the author meant it as an update, so unheaded text is the Update part. */
        COMMAND,
        /** A channel message: only an update when it reads as one. */
        MESSAGE
    }

    public static final int MAX_LENGTH = 100_000;

    private static final Pattern TAG = Pattern.compile("\\[([^\\[\\]\\n]{1,40})\\](?!\\()");
    private static final Pattern TAG_TOKEN_SPLIT = Pattern.compile("[\\s,/+]+");
    private static final Pattern HOURS = Pattern.compile("(\\d{1,4}(?:[.,]\\d{1,2})?)\\s*(h|hr|hrs|hour|hours|m|min|mins)");
    private static final Pattern EMOJI_CODE = Pattern.compile(":[a-z0-9_+'-]+:", Pattern.CASE_INSENSITIVE);
    private static final Pattern SPACES = Pattern.compile("[ \\t\\u00A0]{2,}");
    private static final Pattern INVISIBLE = Pattern.compile("[\\u200B\\u200C\\u200D\\u2060\\uFEFF]");
    private static final Pattern ITEM_SEPARATOR = Pattern.compile("[;；]");
    /** Characters after which a heading may start inside a line: the end of a sentence or clause. */
    private static final String CLAUSE_ENDS = ".;!?)]}。；！？，,\n";

    /** What may follow a title's words on its line: a date, a name, a weekday. */
    private static final int MAX_TITLE_REST = 40;

    private static final Map<String, Category> CATEGORY_TAGS = Map.of(
            "core", Category.CORE, "70", Category.CORE,
            "adjacent", Category.ADJACENT, "20", Category.ADJACENT, "learning", Category.ADJACENT,
            "moonshot", Category.MOONSHOT, "10", Category.MOONSHOT);

    /** {@code [negative]}: the item is a negative result, whatever heading it is under. */
    static final String NEGATIVE_TAG = "negative";
    /** {@code [client]}: the blocker waits on the client. */
    static final String CLIENT_TAG = "client";

    private final HeadingVocabulary vocabulary;
    private final HeadingReader headings;

    public UpdateParser() {
        this(HeadingVocabulary.standard());
    }

    public UpdateParser(HeadingVocabulary vocabulary) {
        this.vocabulary = vocabulary;
        this.headings = new HeadingReader(vocabulary);
    }

    public ParsedUpdate parse(String text, Form form) {
        Verdict meant = form == Form.COMMAND ? Verdict.UPDATE : Verdict.NOT_AN_UPDATE;
        if (text == null || text.isBlank()) {
            return new ParsedUpdate(List.of(), List.of(ParseProblem.of(ParseProblem.Kind.EMPTY)), meant, false, List.of());
        }
        if (text.length() > MAX_LENGTH) {
            return new ParsedUpdate(List.of(),
                    List.of(new ParseProblem(ParseProblem.Kind.TOO_LONG, String.format(Locale.ROOT, "%,d", MAX_LENGTH))),
                    Verdict.UPDATE, false, List.of());
        }
        String normalized = INVISIBLE.matcher(StorableText.of(text.replace("\r\n", "\n").replace('\r', '\n')))
                .replaceAll("").strip();

        Draft draft = normalized.indexOf('\n') < 0 ? readOneLine(normalized, form) : readLines(normalized, form);
        Verdict verdict = form == Form.COMMAND ? Verdict.UPDATE : draft.verdict();
        if (verdict == Verdict.NOT_AN_UPDATE) {
            return new ParsedUpdate(List.of(), List.of(ParseProblem.of(ParseProblem.Kind.NO_UPDATE)), verdict, false,
                    List.of());
        }

        List<ParseProblem> problems = new ArrayList<>();
        List<ParsedItem> items = new ArrayList<>();
        List<String> leftOut = new ArrayList<>();
        int wordless = 0;
        for (RawItem raw : draft.items) {
            if (raw.aside != null) {
                leftOut.add(raw.text.strip());
                continue;
            }
            if (raw.section == Section.BLOCKER && BlockerText.saysNothing(raw.text)) {
                continue; // "none" under Blockers: the section says nothing blocks them
            }
            ParsedItem item = finish(raw, problems);
            if (item == null) {
                continue;
            }
            if (!hasWords(item.text())) {
                wordless++;
                leftOut.add(item.text());
                continue;
            }
            items.add(item);
        }
        if (wordless > 0) {
            problems.add(new ParseProblem(ParseProblem.Kind.NO_WORDS, wordless == 1 ? "1 item" : wordless + " items"));
        }
        draft.leftOut.keySet().forEach(label -> problems.add(new ParseProblem(ParseProblem.Kind.LEFT_OUT, label)));

        boolean anyUpdate = items.stream().anyMatch(i -> i.section() == Section.UPDATE);
        boolean anyNext = items.stream().anyMatch(i -> i.section() == Section.NEXT);
        if (items.isEmpty()) {
            problems.add(0, ParseProblem.of(ParseProblem.Kind.EMPTY));
        } else if (!anyUpdate) {
            problems.add(0, ParseProblem.of(ParseProblem.Kind.NO_UPDATE));
        } else if (!anyNext) {
            problems.add(0, ParseProblem.of(ParseProblem.Kind.NO_NEXT));
        }
        return new ParsedUpdate(items, problems, verdict, draft.blockersStated, leftOut);
    }

    /** Multi-line text: headings on lines of their own, one item per bullet or line. */
    private Draft readLines(String text, Form form) {
        List<Line> lines = PostLines.split(text);
        Draft draft = new Draft(false);
        List<Optional<Heading>> found = new ArrayList<>(lines.size());
        boolean[] beforeList = listFollows(lines);
        int firstContent = -1;
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            boolean aboveList = beforeList[i];
            Optional<Heading> heading = line.kind() == Kind.TEXT
                    ? headings.read(line.content()).or(() -> headings.guess(line.content(), aboveList))
                    : Optional.empty();
            found.add(heading);
            if (firstContent < 0 && line.kind() != Kind.BLANK) {
                firstContent = i;
                if (line.kind() == Kind.TEXT && Pleasantries.isDigestTitle(line.content())) {
                    draft.othersPosts = true;
                }
                if (line.kind() == Kind.TEXT && isTitle(line.content(), heading)) {
                    draft.titled = true;
                    found.set(i, Optional.of(new Heading(new Entry("title", Meaning.TITLE, false), "")));
                    continue;
                }
            }
            heading.ifPresent(h -> draft.saw(h.entry().meaning()));
            if (heading.isPresent() && line.content().strip().matches(".*[?？][*_]*$")) {
                draft.prompting = true;
            }
            if (heading.isEmpty() && line.kind() == Kind.TEXT && found.stream().allMatch(Optional::isEmpty)
                    && (Pleasantries.isTemplateIntro(line.content()) || Pleasantries.isDigestTitle(line.content()))) {
                draft.othersPosts = true; // a template for others, or a round-up of other people's posts
            }
        }
        if (found.stream().allMatch(Optional::isEmpty)) {
            headingsAsBullets(lines, found, draft);
        }
        Section today = draft.sawYesterday ? Section.NEXT : Section.UPDATE;

        Section current = form == Form.COMMAND ? Section.UPDATE : null;
        String aside = null;
        boolean headed = false;
        RawItem last = null;
        boolean blankBefore = false;
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            Optional<Heading> heading = found.get(i);
            boolean afterBlank = blankBefore;
            blankBefore = line.kind() == Kind.BLANK;
            if (heading.isPresent()) {
                Meaning meaning = heading.get().entry().meaning();
                headed = true;
                last = null;
                draft.negativePart = meaning == Meaning.NEGATIVE;
                if (meaning == Meaning.ASIDE) {
                    aside = displayed(heading.get().entry());
                    current = null;
                } else {
                    aside = null;
                    current = sectionOf(meaning, today);
                    draft.headed(current, meaning, heading.get().entry().canonical());
                }
                String rest = heading.get().rest();
                if (!rest.isEmpty()) {
                    last = add(draft, current, aside, rest, false);
                }
                continue;
            }
            switch (line.kind()) {
                case BLANK -> last = null;
                case CODE -> {
                    // Code blocks are kept verbatim inside the item they belong to, and never hold headings.
                    if (current == null && aside == null) {
                        continue;
                    }
                    if (last == null || last.section != current || last.aside != null) {
                        last = add(draft, current, aside, line.content().strip(), false);
                        last.fromText = false;
                    } else {
                        last.append(line.content());
                    }
                }
                case QUOTE, TEXT, BULLET -> {
                    if (!headed && current == null && aside == null) {
                        continue; // a greeting or introduction before the first heading of a channel message
                    }
                    if (!headed && form == Form.COMMAND && Pleasantries.isGreeting(line.content())) {
                        continue;
                    }
                    if (headed && (line.kind() == Kind.TEXT
                            || (line.kind() == Kind.BULLET && nestedListFollows(lines, i)))) {
                        Optional<String> label = HeadingReader.label(line.content(), beforeList[i]);
                        if (label.isPresent()) {
                            last = null; // a label inside a part ("Acme NLP:") groups its items, it is not one
                            continue;
                        }
                    }
                    boolean continuation = last != null && ((line.indent() > 0 && line.kind() != Kind.BULLET
                            && last.indent < line.indent()) || (line.kind() == Kind.QUOTE && last.quote));
                    if (continuation) {
                        last.append(line.content());
                    } else {
                        last = add(draft, current, aside, line.content(), line.kind() == Kind.BULLET);
                        last.indent = line.indent();
                        last.fromText = line.kind() == Kind.TEXT || line.kind() == Kind.BULLET;
                        last.quote = line.kind() == Kind.QUOTE;
                        last.afterBlank = afterBlank;
                    }
                }
                default -> throw new IllegalStateException(line.kind().name());
            }
        }
        dropClosingLines(draft);
        return draft;
    }

    /** For each line, whether the next line with something on it is a bullet. */
    private static boolean[] listFollows(List<Line> lines) {
        boolean[] follows = new boolean[lines.size()];
        boolean bulletAhead = false;
        for (int i = lines.size() - 1; i >= 0; i--) {
            follows[i] = bulletAhead;
            Kind kind = lines.get(i).kind();
            if (kind != Kind.BLANK) {
                bulletAhead = kind == Kind.BULLET;
            }
        }
        return follows;
    }

    /** Whether the lines after a bullet are indented deeper: a bullet that heads a nested list. */
    private static boolean nestedListFollows(List<Line> lines, int i) {
        for (int j = i + 1; j < lines.size(); j++) {
            if (lines.get(j).kind() != Kind.BLANK) {
                return lines.get(j).indent() > lines.get(i).indent();
            }
        }
        return false;
    }

    /**
     * "- Done: cleaned the catalogue / - Next: train / - Blockers: none": in a post with no heading lines,
     * bullets that start with two different parts and a separator are its headings.
     */
    private void headingsAsBullets(List<Line> lines, List<Optional<Heading>> found, Draft draft) {
        List<Optional<Heading>> asBullets = new ArrayList<>(found);
        java.util.Set<Section> parts = java.util.EnumSet.noneOf(Section.class);
        boolean yesterday = false;
        for (int i = 0; i < lines.size(); i++) {
            Line line = lines.get(i);
            if (line.kind() != Kind.BULLET) {
                continue;
            }
            // A bullet heading carries its item ("- Last 24h: wrote the validator"); bare questions are a poll.
            Optional<Heading> heading = headings.read(line.content())
                    .or(() -> headings.guessInline(line.content())).filter(HeadingReader.Heading::separated)
                    .filter(h -> !h.rest().isEmpty());
            if (heading.isPresent() && heading.get().entry().meaning() != Meaning.TITLE) {
                asBullets.set(i, heading);
                Meaning meaning = heading.get().entry().meaning();
                yesterday |= meaning == Meaning.YESTERDAY;
                if (meaning != Meaning.ASIDE) {
                    parts.add(sectionOf(meaning, Section.UPDATE));
                }
            }
        }
        if (parts.size() >= 2) {
            for (int i = 0; i < found.size(); i++) {
                found.set(i, asBullets.get(i));
            }
            draft.sawYesterday |= yesterday;
            draft.prompting = true;
        }
    }

    /** One-line text: a heading at its start, later headings need a colon, and {@code ;} separates items. */
    private Draft readOneLine(String text, Form form) {
        Draft draft = new Draft(true);
        Optional<Heading> lead = headings.read(text);
        String body = lead.map(Heading::rest).orElse(text);
        List<InlineHeading> found = inlineHeadings(body);
        lead.ifPresent(h -> draft.saw(h.entry().meaning()));
        found.forEach(h -> draft.saw(h.entry.meaning()));
        Section today = draft.sawYesterday ? Section.NEXT : Section.UPDATE;

        Section current = form == Form.COMMAND ? Section.UPDATE : null;
        String aside = null;
        if (lead.isPresent()) {
            Entry entry = lead.get().entry();
            draft.negativePart = entry.meaning() == Meaning.NEGATIVE;
            if (entry.meaning() == Meaning.ASIDE) {
                aside = displayed(entry);
                current = null;
            } else {
                current = sectionOf(entry.meaning(), today);
                draft.headed(current, entry.meaning(), entry.canonical());
            }
        }
        int start = 0;
        for (InlineHeading h : found) {
            String before = body.substring(start, h.start);
            boolean greeting = start == 0 && lead.isEmpty() && form == Form.COMMAND && Pleasantries.isGreeting(before);
            if (!greeting) {
                addSeparated(draft, current, aside, before);
            }
            Meaning meaning = h.entry.meaning();
            draft.negativePart = meaning == Meaning.NEGATIVE;
            if (meaning == Meaning.ASIDE) {
                aside = displayed(h.entry);
                current = null;
            } else {
                aside = null;
                current = sectionOf(meaning, today);
                draft.headed(current, meaning, h.entry.canonical());
            }
            start = h.end;
        }
        addSeparated(draft, current, aside, body.substring(start));
        return draft;
    }

    /**
     * Headings inside a line: a phrase of the vocabulary right before a colon. Found from the colons
     * backwards, so that a long line costs a look at each colon, not a try of every phrase at every
     * character.
     */
    private List<InlineHeading> inlineHeadings(String text) {
        List<InlineHeading> found = new ArrayList<>();
        int searchFrom = 0;
        for (int colon = nextColon(text, 0); colon >= 0; colon = nextColon(text, colon + 1)) {
            int phraseEnd = colon;
            while (phraseEnd > searchFrom && (text.charAt(phraseEnd - 1) == ' '
                    || HeadingReader.isEmphasis(text.charAt(phraseEnd - 1)))) {
                phraseEnd--;
            }
            if (phraseEnd <= searchFrom || !Character.isLetterOrDigit(text.codePointBefore(phraseEnd))) {
                continue;
            }
            Optional<InlineHeading> heading = headingEndingAt(text, searchFrom, phraseEnd, colon);
            if (heading.isPresent()) {
                found.add(heading.get());
                searchFrom = heading.get().end;
            }
        }
        return found;
    }

    private Optional<InlineHeading> headingEndingAt(String text, int searchFrom, int phraseEnd, int colon) {
        int earliest = Math.max(searchFrom, phraseEnd - HeadingVocabulary.MAX_PHRASE_LENGTH);
        // Longest phrase first: the earliest start that makes one.
        for (int start = earliest; start < phraseEnd; start++) {
            if (start > 0 && Character.isLetterOrDigit(text.codePointBefore(start))
                    && !HeadingVocabulary.isCjk(text.codePointAt(start))) {
                continue; // inside a word
            }
            if (!Character.isLetterOrDigit(text.codePointAt(start))) {
                continue;
            }
            String phrase = text.substring(start, phraseEnd);
            Optional<Entry> entry = vocabulary.exactly(HeadingVocabulary.fold(phrase).strip());
            if (entry.isPresent() && startsHere(text, start, phrase, entry.get())) {
                int headingStart = start;
                while (headingStart > searchFrom && HeadingReader.isEmphasis(text.charAt(headingStart - 1))) {
                    headingStart--;
                }
                int end = colon + 1;
                while (end < text.length() && (text.charAt(end) == ' ' || HeadingReader.isEmphasis(text.charAt(end)))) {
                    end++;
                }
                return Optional.of(new InlineHeading(entry.get(), headingStart, end));
            }
        }
        return Optional.empty();
    }

    private static int nextColon(String text, int from) {
        int ascii = text.indexOf(':', from);
        int wide = text.indexOf('：', from);
        if (ascii < 0) {
            return wide;
        }
        return wide < 0 ? ascii : Math.min(ascii, wide);
    }

    /**
     * Whether a heading phrase found inside a line starts a part there. Daybook's own headings do
     * anywhere ({@code … baseline Next: tune it}); other words only at the start, after the end of a
     * clause, with a capital letter, or in Chinese: "fixed two issues: …" is a sentence, not a heading.
     */
    private static boolean startsHere(String text, int at, String phrase, Entry entry) {
        if (entry.canonical() || at == 0) {
            return true;
        }
        int i = at - 1;
        while (i >= 0 && (Character.isWhitespace(text.charAt(i)) || HeadingReader.isEmphasis(text.charAt(i)))) {
            i--;
        }
        if (i < 0 || CLAUSE_ENDS.indexOf(text.charAt(i)) >= 0) {
            return true;
        }
        int first = phrase.codePointAt(0);
        return Character.isUpperCase(first) || HeadingVocabulary.isCjk(first);
    }

    private static void addSeparated(Draft draft, Section section, String aside, String segment) {
        if (section == null && aside == null) {
            return;
        }
        for (String part : ITEM_SEPARATOR.split(segment)) {
            String item = PostLines.withoutBullet(part.strip());
            if (!item.isEmpty()) {
                add(draft, section, aside, item, false);
            }
        }
    }

    private static RawItem add(Draft draft, Section section, String aside, String text, boolean bullet) {
        RawItem item = new RawItem(section, aside, text, bullet);
        item.negative = draft.negativePart;
        if (aside != null) {
            draft.leftOut.merge(aside, 1, Integer::sum);
        }
        draft.items.add(item);
        return item;
    }

    /**
     * Sign-offs, cc lines and a closing "No blockers." after the last list are not items; "No blockers"
     * says the author has none.
     */
    private static void dropClosingLines(Draft draft) {
        while (!draft.items.isEmpty()) {
            RawItem last = draft.items.get(draft.items.size() - 1);
            if (!last.fromText || last.multiline) {
                return;
            }
            if (Pleasantries.saysNoBlockers(last.text)) {
                draft.blockersStated = true;
            } else if (!Pleasantries.isSignOff(last.text)
                    && !(last.afterBlank && !last.bullet && Pleasantries.isClosingThanks(last.text))) {
                return;
            }
            draft.items.remove(draft.items.size() - 1);
        }
    }

    /**
     * The first line of a post that says it is a daily update: "EOD update", "*Daily update – Tue 1
     * Dec*", "日报 12/1", "Update for Tuesday:".
     */
    private boolean isTitle(String line, Optional<Heading> heading) {
        if (heading.isPresent()) {
            return heading.get().entry().meaning() == Meaning.TITLE;
        }
        String plain = HeadingReader.undecorated(line);
        String folded = HeadingVocabulary.fold(plain);
        Optional<Entry> entry = folded.length() == plain.length() ? vocabulary.atStart(folded) : Optional.empty();
        if (entry.isPresent() && entry.get().meaning() == Meaning.TITLE) {
            String rest = plain.substring(entry.get().phrase().length()).strip();
            return rest.length() <= MAX_TITLE_REST && rest.chars().noneMatch(c -> c == '.' || c == '!');
        }
        return Pleasantries.isDatedIntroduction(plain);
    }

    private static Section sectionOf(Meaning meaning, Section today) {
        return switch (meaning) {
            case UPDATE, YESTERDAY, TITLE, NEGATIVE -> Section.UPDATE;
            case NEXT, TOMORROW -> Section.NEXT;
            case BLOCKER -> Section.BLOCKER;
            case TODAY -> today;
            case ASIDE -> throw new IllegalArgumentException("an aside is no part of an update");
        };
    }

    /** A heading as the author is told about it: "Notes", "心得". */
    private static String displayed(Entry entry) {
        String phrase = entry.phrase();
        return phrase.substring(0, 1).toUpperCase(Locale.ROOT) + phrase.substring(1);
    }

    private static ParsedItem finish(RawItem raw, List<ParseProblem> problems) {
        Category category = null;
        Double hours = null;
        boolean negative = raw.negative;
        boolean negativeTagged = false;
        boolean client = false;
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
            negativeTagged |= tags.negative;
            client |= tags.client;
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
        // Only something tried can have been ruled out, and only a blocker can wait on the client: a tag
        // elsewhere is taken out of the text and the author told, rather than changing what the item is.
        if (negativeTagged) {
            if (raw.section == Section.UPDATE) {
                negative = true;
            } else {
                problems.add(new ParseProblem(ParseProblem.Kind.MISPLACED_TAG, "[negative]"));
            }
        }
        if (client && raw.section != Section.BLOCKER) {
            problems.add(new ParseProblem(ParseProblem.Kind.MISPLACED_TAG, "[client]"));
            client = false;
        }
        return new ParsedItem(raw.section, cleaned, category, hours, references, negative, client);
    }

    /** Reads the inside of {@code [...]}; null unless every token is a budget tag. */
    private static Tags readTag(String inside) {
        Tags tags = new Tags();
        String[] tokens = TAG_TOKEN_SPLIT.split(inside.strip().toLowerCase(Locale.ROOT));
        if (tokens.length == 0 || tokens.length > 3) {
            return null;
        }
        for (String token : tokens) {
            if (token.equals(NEGATIVE_TAG)) {
                tags.negative = true;
                continue;
            }
            if (token.equals(CLIENT_TAG)) {
                tags.client = true;
                continue;
            }
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

    private record InlineHeading(Entry entry, int start, int end) {
    }

    private static final class Tags {
        Category category;
        Double hours;
        boolean badHours;
        boolean negative;
        boolean client;
    }

    private static final class RawItem {
        final Section section;
        final String aside;
        final boolean bullet;
        String text;
        boolean multiline;
        boolean fromText = true;
        boolean quote;
        boolean afterBlank;
        /** Under a "Didn't work" heading. */
        boolean negative;
        int indent;

        RawItem(Section section, String aside, String text, boolean bullet) {
            this.section = section;
            this.aside = aside;
            this.text = text;
            this.bullet = bullet;
        }

        void append(String more) {
            text = text + "\n" + more;
            multiline = true;
        }
    }

    private static final class Draft {
        final boolean oneLine;
        final List<RawItem> items = new ArrayList<>();
        final Map<String, Integer> leftOut = new LinkedHashMap<>();
        final java.util.EnumSet<Section> parts = java.util.EnumSet.noneOf(Section.class);
        boolean sawYesterday;
        /** The part being read is a "Didn't work" one: its items are negative results. */
        boolean negativePart;
        boolean canonicalUpdate;
        boolean titled;
        boolean blockersStated;
        /** Headings written as bullets or as questions: a template put to others. */
        boolean prompting;
        /** Introduced as a template for others, or as a round-up of several people's posts. */
        boolean othersPosts;

        Draft(boolean oneLine) {
            this.oneLine = oneLine;
        }

        void saw(Meaning meaning) {
            sawYesterday |= meaning == Meaning.YESTERDAY;
        }

        void headed(Section section, Meaning meaning, boolean canonical) {
            if (meaning == Meaning.TITLE) {
                titled = true;
            } else {
                parts.add(section);
            }
            canonicalUpdate |= canonical && section == Section.UPDATE;
            blockersStated |= section == Section.BLOCKER;
        }

        /**
         * How sure we are that a channel message was meant as a daily update. Sure: two parts named
         * (Update and Next, Yesterday and Today), Daybook's own Update heading over a list, or a daily
         * update title over a heading or a list. Perhaps: one other heading over a list, or a title over
         * plain lines. A single line needs two parts: "Update: the server is back" is news, not a post.
         */
        Verdict verdict() {
            if (othersPosts) {
                return Verdict.NOT_AN_UPDATE;
            }
            boolean listed = items.stream().anyMatch(i -> i.bullet && i.aside == null);
            boolean anyItem = !items.isEmpty();
            if (oneLine) {
                long worded = items.stream().filter(i -> i.aside == null && hasWords(i.text)).map(i -> i.section)
                        .distinct().count();
                return worded >= 2 ? Verdict.UPDATE : Verdict.NOT_AN_UPDATE;
            }
            if (!anyItem) {
                // Headings with nothing under them: an empty template, worth a word to its author, unless it
                // asks others ("• What did you do yesterday?"), which is a prompt, not a post.
                return parts.size() >= 2 && !prompting ? Verdict.UPDATE : Verdict.NOT_AN_UPDATE;
            }
            if (parts.size() >= 2 || (titled && (!parts.isEmpty() || listed))) {
                return Verdict.UPDATE;
            }
            if (parts.size() == 1 && parts.contains(Section.UPDATE)) {
                if (canonicalUpdate && items.stream().anyMatch(i -> i.aside == null)) {
                    return Verdict.UPDATE;
                }
                return listed ? Verdict.MAYBE : Verdict.NOT_AN_UPDATE;
            }
            if (titled && items.stream().anyMatch(i -> i.aside == null)) {
                return Verdict.MAYBE;
            }
            return Verdict.NOT_AN_UPDATE;
        }
    }
}
