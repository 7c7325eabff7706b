package dev.daybook.updates.parsing;

import dev.daybook.updates.Blockers;
import dev.daybook.updates.Section;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The words teams use to name the parts of a daily update, as data: each phrase maps onto Update,
 * Next or Blockers, or onto a word whose part depends on the rest of the message ("Today"), or onto a
 * part Daybook does not keep ("Notes"). A project can add phrases of its own.
 *
 * <p>Plain Java with no I/O; immutable.
 */
public final class HeadingVocabulary {

    /** What a heading phrase says about the items under it. */
    public enum Meaning {
        UPDATE, NEXT, BLOCKER,
        /** "Yesterday": what was done, and it makes a "Today" beside it the plan. */
        YESTERDAY,
        /** "Tomorrow": the plan, and it makes a "Today" beside it what was done. */
        TOMORROW,
        /** "Today": the plan beside "Yesterday", what was done otherwise. */
        TODAY,
        /**
         * "EOD update", "日报": a title that says the message is a daily update; a list right under it is
         * what was done.
         */
        TITLE,
        /** A part Daybook does not keep (notes, learnings): its items are left out, and the author told. */
        ASIDE,
        /**
         * "Didn't work", "Ruled out", "没成功": what was tried and did not work. Its items are done work
         * (they count as such) and are kept as negative results.
         */
        NEGATIVE;

        static Meaning of(Section section) {
            return switch (section) {
                case UPDATE -> UPDATE;
                case NEXT -> NEXT;
                case BLOCKER -> BLOCKER;
            };
        }
    }

    /** A phrase and what it means; {@code canonical} phrases are Daybook's own documented headings. */
    record Entry(String phrase, Meaning meaning, boolean canonical) {
    }

    /** No phrase is longer: one to four words. */
    static final int MAX_PHRASE_LENGTH = 48;

    private static final List<Entry> STANDARD = standardEntries();

    private static final HeadingVocabulary STANDARD_VOCABULARY = new HeadingVocabulary(STANDARD);

    /** Longest phrase first, so that "next steps" wins over "next" and "今日完成" over "完成". */
    private final List<Entry> entries;
    private final Map<String, Entry> byPhrase;

    private HeadingVocabulary(List<Entry> entries) {
        Map<String, Entry> unique = new LinkedHashMap<>();
        for (Entry entry : entries) {
            unique.put(entry.phrase(), entry); // a project's own phrase replaces a standard one
        }
        List<Entry> sorted = new ArrayList<>(unique.values());
        sorted.sort(Comparator.comparingInt((Entry e) -> e.phrase().length()).reversed()
                .thenComparing(Entry::phrase));
        this.entries = List.copyOf(sorted);
        this.byPhrase = Map.copyOf(unique);
    }

    public static HeadingVocabulary standard() {
        return STANDARD_VOCABULARY;
    }

    /**
     * The standard vocabulary and a project's own headings ({@code "wins" → UPDATE}). Own headings of
     * one to four words are taken; anything else in the map is ignored.
     */
    public HeadingVocabulary with(Map<String, Section> own) {
        if (own.isEmpty()) {
            return this;
        }
        List<Entry> all = new ArrayList<>(entries);
        own.forEach((phrase, section) -> normalisedHeading(phrase)
                .ifPresent(p -> all.add(new Entry(p, Meaning.of(section), false))));
        return new HeadingVocabulary(all);
    }

    /**
     * A heading phrase as it is stored and compared: lower case, compatibility forms folded (full-width
     * letters), spaces collapsed, no colon or question mark at the end; empty when it is not one to
     * four words of letters.
     */
    public static Optional<String> normalisedHeading(String phrase) {
        if (phrase == null) {
            return Optional.empty();
        }
        String p = fold(phrase).replaceAll("[:：?？]+$", "").strip();
        if (p.isEmpty() || p.length() > 40 || !p.codePoints().allMatch(c -> Character.isLetterOrDigit(c)
                || c == ' ' || c == '\'' || c == '’' || c == '-' || c == '/' || c == '&')
                || !Character.isLetter(p.codePointAt(0)) || p.split(" ").length > 4) {
            return Optional.empty();
        }
        return Optional.of(p);
    }

    /** The entry whose phrase starts {@code folded} (already {@link #fold folded}) and ends at a word boundary. */
    Optional<Entry> atStart(String folded) {
        for (Entry entry : entries) {
            String phrase = entry.phrase();
            if (folded.startsWith(phrase) && endsWord(folded, phrase.length())) {
                return Optional.of(entry);
            }
        }
        return Optional.empty();
    }

    Optional<Entry> exactly(String folded) {
        return Optional.ofNullable(byPhrase.get(folded));
    }

    /** The phrases a project added, in the order a person reads them. */
    public List<String> phrasesOf(Meaning meaning) {
        List<String> phrases = entries.stream().filter(e -> e.meaning() == meaning).map(Entry::phrase)
                .collect(Collectors.toCollection(ArrayList::new));
        Collections.sort(phrases);
        return phrases;
    }

    /** Lower case, compatibility forms folded, curly apostrophes straightened, spaces collapsed. */
    static String fold(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replace('’', '\'');
        return s.replaceAll("[ \\t\\u00A0]+", " ");
    }

    private static boolean endsWord(String text, int end) {
        if (end >= text.length()) {
            return true;
        }
        int before = text.codePointBefore(end);
        int after = text.codePointAt(end);
        if (isCjk(before)) {
            return true; // Chinese has no spaces between words: "今日完成" ends where the phrase does
        }
        return !Character.isLetterOrDigit(after);
    }

    public static boolean isCjk(int codePoint) {
        Character.UnicodeScript script = Character.UnicodeScript.of(codePoint);
        return script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HIRAGANA
                || script == Character.UnicodeScript.KATAKANA || script == Character.UnicodeScript.HANGUL;
    }

    private static List<Entry> standardEntries() {
        List<Entry> list = new ArrayList<>();
        canonical(list, Meaning.UPDATE, "update", "updates", "更新");
        canonical(list, Meaning.NEXT, "next", "next steps", "next step", "接下来", "下一步");
        canonical(list, Meaning.BLOCKER, "blockers", "blocker", "阻碍", "需要帮助");
        add(list, Meaning.UPDATE, "done", "did", "accomplished", "accomplishments", "completed",
                "progress", "shipped", "worked on", "working on", "wins", "highlights", "achievements", "finished",
                "what i did", "what i did today", "what i've done", "what i have done", "what i got done",
                "today's progress", "todays progress", "progress today", "today i did", "done today",
                "what did you do", "what did you do today", "what did you accomplish today",
                "what did you get done today",
                "今日完成", "今天完成", "今日进展", "今天进展", "今日工作", "今天工作", "今日工作内容", "工作内容",
                "进展", "完成", "已完成", "完成情况", "今日总结", "工作进展", "本日完成", "当日完成");
        add(list, Meaning.YESTERDAY, "yesterday", "since yesterday", "what i did yesterday",
                "what did you do yesterday", "what did you accomplish yesterday", "what did you do since yesterday",
                "what did you complete yesterday", "what did you work on yesterday", "昨天", "昨日", "昨日完成",
                "昨天完成");
        add(list, Meaning.TODAY, "today", "今天", "今日");
        add(list, Meaning.TOMORROW, "tomorrow", "plan for tomorrow", "plans for tomorrow", "tomorrow's plan",
                "tomorrows plan", "tomorrow's plans", "for tomorrow", "next day", "明天", "明日", "明日计划",
                "明天计划", "明日安排", "明天安排", "明日工作", "明天工作", "明日工作计划", "明天的计划");
        add(list, Meaning.NEXT, "plan", "plans", "planned", "todo", "to do", "to-do", "todos", "up next", "next up",
                "coming up", "will do", "what's next", "whats next", "next week", "doing",
                "in progress", "focus", "today's plan", "todays plan", "plan for today", "plans for today",
                "what will you do today", "what are you working on today", "what will you work on today",
                "what i'll do next", "what i will do next", "what i'll do tomorrow", "what's next for you",
                "what will you do next", "what will you do tomorrow", "on deck", "goals for today",
                "计划", "下步计划", "后续计划", "后续", "待办", "下一步计划", "接下来计划", "下周计划");
        add(list, Meaning.BLOCKER, "blocked", "blocking", "blocked by", "blockers/asks", "impediments",
                "impediment", "problems", "problem", "issues", "risks", "risk", "asks", "ask", "help needed",
                "need help", "needs", "need", "challenges", "roadblocks", "obstacles", "concerns", "waiting on",
                "dependencies", "anything blocking", "anything blocking you", "anything blocking your progress",
                "any blockers", "what's blocking you", "whats blocking you", "is anything blocking you",
                "blockers and asks", "blockers & asks", "questions", "需要",
                "问题", "遇到的问题", "存在的问题", "阻塞", "风险", "困难", "需要协调", "需要支持", "需协调",
                "风险与问题", "问题与风险", "遇到问题", "卡点");
        add(list, Meaning.NEGATIVE, "didn't work", "didnt work", "did not work", "what didn't work",
                "what didnt work", "what did not work", "what didn't work today", "things that didn't work",
                "ruled out", "what we ruled out", "what i ruled out", "dead ends", "dead end", "negative results",
                "negative result", "failed experiments", "didn't pan out", "did not pan out",
                "没成功", "没有成功", "未成功", "不成功", "排除", "已排除", "失败的尝试", "负面结果");
        add(list, Meaning.TITLE, "eod", "eod update", "eod report", "eod status", "my eod", "end of day",
                "end of day update", "end-of-day update", "end of day report", "end-of-day report", "daily update",
                "daily report", "daily status", "daily standup", "daily stand-up", "standup", "stand-up",
                "standup update", "stand-up update", "async standup", "status update", "my update",
                "today's update", "todays update", "update for today", "my update for today",
                "日报", "工作日报", "今日日报", "每日日报", "每日总结", "今日汇报", "工作汇报");
        add(list, Meaning.ASIDE, "notes", "note", "fyi", "misc", "miscellaneous", "learnings", "ooo",
                "out of office", "availability", "pto", "time off", "meetings", "meeting", "calendar", "reading",
                "reading list", "lowlights", "low lights", "lowlight",
                "learned", "til", "today i learned", "kudos", "shoutouts", "shout-outs", "shout outs", "mood",
                "how do you feel", "how do you feel today", "how are you feeling", "links", "resources",
                "备注", "其他", "其它", "心得", "收获", "心情");
        return list;
    }

    private static void canonical(List<Entry> list, Meaning meaning, String... phrases) {
        for (String phrase : phrases) {
            list.add(new Entry(phrase, meaning, true));
        }
    }

    private static void add(List<Entry> list, Meaning meaning, String... phrases) {
        for (String phrase : phrases) {
            list.add(new Entry(phrase, meaning, false));
        }
    }
}
