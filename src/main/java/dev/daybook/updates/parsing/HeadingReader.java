package dev.daybook.updates.parsing;

import dev.daybook.updates.Blockers;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.daybook.updates.parsing.HeadingVocabulary.Entry;

/**
 * Whether one line of a post is a heading: a phrase of the vocabulary, perhaps wrapped in bold,
 * after {@code #} or an emoji, followed by {@code :}, {@code -}, {@code –}, {@code ：}, {@code ?} or
 * nothing; the text after the separator is the section's first item. And whether a line is a label
 * the vocabulary does not know ({@code Notes:}, {@code *Acme*}). No I/O.
 */
final class HeadingReader {

    /** A heading line: its phrase and what follows it on the line (the first item, or empty). */
    record Heading(Entry entry, String rest, boolean separated) {

        Heading(Entry entry, String rest) {
            this(entry, rest, false);
        }
    }

    private static final Pattern EMOJI_CODE = Pattern.compile("^:[a-z0-9_+'-]+:", Pattern.CASE_INSENSITIVE);
    private static final Pattern LABEL = Pattern.compile(
            "^[\\p{L}][\\p{L}\\p{N}'’&/ .-]{0,38}[:：]$");
    private static final int MAX_LABEL_WORDS = 4;
    private static final int MAX_GUESSED_WORDS = 7;
    private static final Pattern CJK_FILLER = Pattern.compile("(\\p{IsHan}{1,4})\\s*[:：]");
    private static final int MAX_GUESSED_LENGTH = 140;
    private static final Pattern LABEL_TO_GUESS = Pattern.compile("^[\\p{L}\\p{N}][\\p{L}\\p{N}'’&/ .()-]{0,60}[:：]$");
    /** "一、今日完成", "二．计划": Chinese numbering before a heading. */
    private static final Pattern NUMBERED = Pattern.compile("^[一二三四五六七八九十]{1,3}\\s*[、．.]\\s*");

    private final HeadingVocabulary vocabulary;

    HeadingReader(HeadingVocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    Optional<Heading> read(String line) {
        Decorated d = Decorated.of(line);
        if (d.text.isEmpty()) {
            return Optional.empty();
        }
        String folded = HeadingVocabulary.fold(d.text);
        if (folded.length() != d.text.length()) {
            folded = d.text.toLowerCase(java.util.Locale.ROOT);
        }
        Optional<Entry> found = vocabulary.atStart(folded);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Entry entry = found.get();
        String after = d.text.substring(entry.phrase().length());
        if (HeadingVocabulary.isCjk(entry.phrase().codePointAt(0))) {
            after = withoutFiller(after);
        }
        int i = 0;
        boolean closed = false;
        while (i < after.length() && isClosing(after.charAt(i))) {
            i++;
            closed = true;
        }
        i = alsoNamed(after, i);
        while (i < after.length() && isClosing(after.charAt(i))) {
            i++;
            closed = true;
        }
        i = skipSpacesAndEmoji(after, i);
        boolean separated = false;
        if (i < after.length()) {
            char c = after.charAt(i);
            if (c == ':' || c == '：' || c == '?' || c == '？') {
                separated = true;
                i++;
            } else if ((c == '-' || c == '–' || c == '—')
                    && (i + 1 >= after.length() || Character.isWhitespace(after.charAt(i + 1)) || i > 0)) {
                separated = true;
                i++;
            }
        }
        while (i < after.length() && (isClosing(after.charAt(i)) || Character.isWhitespace(after.charAt(i)))) {
            closed |= isClosing(after.charAt(i));
            i++;
        }
        String rest = after.substring(i).strip();
        if (d.emphasised && !rest.isEmpty()) {
            rest = stripClosingEmphasis(rest, d.emphasis);
        }
        boolean bare = rest.isEmpty() || isOnlyDecoration(rest);
        if (separated || bare || (d.emphasised && closed)) {
            return Optional.of(new Heading(entry, bare ? "" : rest, separated));
        }
        if (d.hashed && rest.split("\\s+").length <= MAX_LABEL_WORDS && rest.indexOf(':') < 0) {
            return Optional.of(new Heading(entry, "", false)); // "### Today in progress": the words are the title
        }
        return Optional.empty();
    }

    /**
     * A short line that reads as a heading the vocabulary does not know: one to four words ending in a
     * colon, perhaps in bold ({@code Acme NLP:}, {@code *Acme NLP:*}). A bold line without a colon is
     * emphasis, not a label.
     */
    static Optional<String> label(String line, boolean beforeList) {
        Decorated d = Decorated.of(line);
        String text = d.text.replaceAll("[*_~]+$", "").strip();
        if (beforeList && d.emphasised && d.text.endsWith(String.valueOf(d.emphasis)) && !text.isEmpty()
                && text.indexOf(d.emphasis) < 0 && text.split("\\s+").length <= MAX_LABEL_WORDS) {
            return Optional.of(text); // "*Acme NLP*" over a list
        }
        if (!LABEL.matcher(text).matches() || text.split("\\s+").length > MAX_LABEL_WORDS) {
            return Optional.empty();
        }
        return Optional.of(text.substring(0, text.length() - 1).strip());
    }

    /**
     * A heading the vocabulary does not hold, when the line is shaped like one and its words say which
     * part: a template's question ("What did you get done yesterday?", perhaps with the answer after
     * it on the line), a label ending in a colon ("Top 3 for tomorrow:"), or a Markdown heading.
     */
    Optional<Heading> guess(String line, boolean beforeList) {
        Decorated d = Decorated.of(line);
        String text = d.text;
        if (text.isEmpty() || text.length() > MAX_GUESSED_LENGTH) {
            return Optional.empty();
        }
        if (d.emphasised) {
            // "*What did you complete yesterday?* Migrated the job": the question in bold, the answer after it
            int close = text.indexOf(d.emphasis);
            if (close > 0) {
                String inside = text.substring(0, close).strip();
                String after = text.substring(close).replaceAll("^[*_~]+", "").strip();
                if (HeadingGuess.isQuestion(inside)) {
                    return guessed(inside, after);
                }
            }
        }
        String plain = text.replaceAll("[*_~]+$", "").strip();
        if (HeadingGuess.isQuestion(plain)) {
            return guessed(plain, "");
        }
        int words = plain.split("\\s+").length;
        boolean label = LABEL_TO_GUESS.matcher(plain).matches() && words <= MAX_GUESSED_WORDS;
        // A short line wholly in bold right above a list reads as that list's heading ("*3 wins*").
        boolean boldAboveList = beforeList && d.emphasised && text.endsWith(String.valueOf(d.emphasis))
                && words <= MAX_LABEL_WORDS && plain.indexOf(d.emphasis) < 0;
        if (label || boldAboveList || (d.hashed && words <= MAX_GUESSED_WORDS)) {
            return guessed(plain.replaceAll("[:：]$", ""), "");
        }
        return Optional.empty();
    }

    /** "Last 24h: wrote the validator": a short label before a colon, and its item after it. */
    Optional<Heading> guessInline(String line) {
        String text = Decorated.of(line).text;
        int colon = text.indexOf(':') >= 0 ? text.indexOf(':') : text.indexOf('：');
        if (colon <= 0) {
            return Optional.empty();
        }
        String label = text.substring(0, colon + 1).replaceAll("[*_~]", "").strip();
        String rest = text.substring(colon + 1).replaceAll("^[*_~\\s]+", "").strip();
        if (!LABEL_TO_GUESS.matcher(label).matches() || label.split("\\s+").length > MAX_LABEL_WORDS) {
            return Optional.empty();
        }
        return guessed(label.substring(0, label.length() - 1), rest);
    }

    private static Optional<Heading> guessed(String heading, String rest) {
        return HeadingGuess.of(heading).map(meaning -> new Heading(new Entry(HeadingVocabulary.fold(heading), meaning,
                false), rest, true));
    }

    /** The line without the emoji, {@code #} and emphasis marks before its first word. */
    static String undecorated(String line) {
        return Decorated.of(line).text.replaceAll("[*_~]+$", "").strip();
    }

    /**
     * "Done / 完成", "Blockers/Asks": a second name for the part after a slash; the index after it, or
     * {@code i} when there is none.
     */
    private int alsoNamed(String after, int i) {
        int j = i;
        while (j < after.length() && after.charAt(j) == ' ') {
            j++;
        }
        boolean slash = j < after.length() && (after.charAt(j) == '/' || after.charAt(j) == '&' || after.charAt(j) == '|');
        if (!slash && j == i) {
            return i;
        }
        if (slash) {
            j++;
        }
        while (j < after.length() && (after.charAt(j) == ' ' || isEmphasis(after.charAt(j)))) {
            j++;
        }
        String folded = HeadingVocabulary.fold(after.substring(j));
        if (folded.length() != after.length() - j) {
            return i;
        }
        Optional<Entry> second = vocabulary.atStart(folded);
        if (second.isEmpty()) {
            return i;
        }
        int end = after.length() - (folded.length() - second.get().phrase().length());
        if (!slash) {
            // "Yesterday 昨天", "更新 Update:": a second name only when nothing but the heading's end follows
            String tail = after.substring(end).strip();
            if (!tail.isEmpty() && !tail.matches("^[*_~】\\]」]*\\s*[:：\\-–—?？].*$") && !isOnlyDecoration(tail)) {
                return i;
            }
        }
        return end;
    }

    /** "今日完成工作：", "需协调事项：": a few more characters of Chinese before the colon belong to the heading. */
    private static String withoutFiller(String after) {
        Matcher filler = CJK_FILLER.matcher(after);
        return filler.lookingAt() ? after.substring(filler.end(1)) : after;
    }

    /** A mark that closes a heading's wrapping: bold or italic, or Chinese brackets (【今日完成】). */
    private static boolean isClosing(char c) {
        return isEmphasis(c) || c == '】' || c == '〕' || c == ']' || c == '」';
    }

    private static int skipSpacesAndEmoji(String s, int i) {
        while (i < s.length()) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            Matcher code = EMOJI_CODE.matcher(s.substring(i));
            if (code.find()) {
                i += code.end();
                continue;
            }
            int cp = s.codePointAt(i);
            if (isSymbol(cp)) {
                i += Character.charCount(cp);
                continue;
            }
            break;
        }
        return i;
    }

    private static boolean isOnlyDecoration(String s) {
        return skipSpacesAndEmoji(s.replaceAll("[*_~:：]", ""), 0) >= s.replaceAll("[*_~:：]", "").length();
    }

    private static String stripClosingEmphasis(String text, char emphasis) {
        String s = text;
        while (!s.isEmpty() && s.charAt(s.length() - 1) == emphasis) {
            s = s.substring(0, s.length() - 1);
        }
        return s.strip();
    }

    static boolean isEmphasis(char c) {
        return c == '*' || c == '_' || c == '~';
    }

    /** Emoji and other pictographs (and the joiners and selectors between them). */
    static boolean isSymbol(int cp) {
        int type = Character.getType(cp);
        return type == Character.OTHER_SYMBOL || type == Character.MODIFIER_SYMBOL || type == Character.SURROGATE
                || cp == 0xFE0F || cp == 0x200D || cp == 0x20E3 || (cp >= 0x1F1E6 && cp <= 0x1F1FF);
    }

    /** A line with the decoration before its first word taken off: emoji, {@code #}, bold or italic marks. */
    private record Decorated(String text, boolean emphasised, char emphasis, boolean hashed) {

        static Decorated of(String line) {
            String s = line.strip();
            boolean emphasised = false;
            boolean hashed = false;
            char emphasis = 0;
            boolean changed = true;
            while (changed && !s.isEmpty()) {
                changed = false;
                Matcher code = EMOJI_CODE.matcher(s);
                if (code.find()) {
                    s = s.substring(code.end()).strip();
                    changed = true;
                    continue;
                }
                int cp = s.codePointAt(0);
                if (isSymbol(cp)) {
                    s = s.substring(Character.charCount(cp)).strip();
                    changed = true;
                    continue;
                }
                if (s.charAt(0) == '#') {
                    int hashes = 0;
                    while (hashes < s.length() && s.charAt(hashes) == '#') {
                        hashes++;
                    }
                    if (hashes <= 6 && (hashes == s.length() || Character.isWhitespace(s.charAt(hashes))
                            || isEmphasis(s.charAt(hashes)))) {
                        s = s.substring(hashes).strip();
                        changed = true;
                        hashed = true;
                    }
                    continue;
                }
                if (isEmphasis(s.charAt(0)) || s.charAt(0) == '【' || s.charAt(0) == '〔' || s.charAt(0) == '「') {
                    emphasis = isEmphasis(s.charAt(0)) ? s.charAt(0) : '】';
                    s = s.substring(1);
                    emphasised = true;
                    changed = true;
                    continue;
                }
                Matcher numbered = NUMBERED.matcher(s);
                if (numbered.find()) {
                    s = s.substring(numbered.end()).strip();
                    changed = true;
                }
            }
            return new Decorated(s, emphasised, emphasis, hashed);
        }
    }
}
