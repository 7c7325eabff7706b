package dev.daybook.updates.parsing;

import java.util.regex.Pattern;

/**
 * The lines around an update that are not part of it: greetings before the first heading, sign-offs
 * and cc lines after the last list, and a closing "No blockers." No I/O.
 */
public final class Pleasantries {

    private static final String MENTION = "<[@#!][^>]{1,200}>|@[\\w.-]{1,80}";

    private static final Pattern GREETING = Pattern.compile(
            "^(?:hi|hello|hey|heya|hiya|yo|howdy|greetings|morning|evening|afternoon|good (?:morning|afternoon|evening|day)"
                    + "|happy \\w+|大家好|各位好|各位|hi all|hello all|hey all)"
                    + "(?:[\\s,]+(?:all|team|everyone|everybody|folks|guys|y'all|there|friends|people|(?:" + MENTION + ")))*"
                    + "[\\s!.,:;~👋🙂😊]*(?:[-–—]?\\s*(?:here(?:'s| is) my (?:update|eod|status)[^\\n]{0,40}))?[\\s!.,:;👇⬇️]*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private static final Pattern INTRO = Pattern.compile(
            "^(?:here(?:'s| is| are) (?:my|today's|todays|the) (?:update|eod|status|notes?)[^\\n]{0,60}"
                    + "|(?:my )?(?:update|status) for (?:today|the day|[^\\n]{0,30}\\d[^\\n]{0,20})[:\\s]*"
                    + "|quick (?:update|eod|status)[^\\n]{0,40})$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private static final Pattern DATED = Pattern.compile(
            "^(?:my )?(?:updates?|status|eod|notes?) (?:for|on|from) (?:today|the day|tonight|"
                    + "(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\b[^\\n]{0,24}|[^\\n]{0,24}\\d[^\\n]{0,24})[:：]?$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private static final String SIGN_OFF_PHRASE = "(?:thanks?(?: (?:all|team|everyone|you all|y'all|guys|folks))?"
            + "|thank you(?: all| team| everyone)?|thx|ty|tia|cheers|ttyl|see you(?: tomorrow| all| monday)?|see ya|bye|later"
            + "|over and out|that's (?:all|it)(?: for (?:today|now))?|thats (?:all|it)|that is all|all for today"
            + "|end of update|eod|/eod|happy (?:monday|tuesday|wednesday|thursday|friday|weekend|holidays)"
            + "|have a (?:good|great|nice|lovely) (?:evening|night|weekend|one|day)(?: all| everyone| team)?"
            + "|(?:lmk|let me know|ping me|shout|holler) if (?:you have |there are |anyone has )?(?:any )?(?:questions|q's|qs)"
            + "|questions welcome|happy to (?:chat|discuss|answer questions)|good night(?: all)?|gn"
            + "|谢谢(?:大家|各位)?|感谢(?:大家|各位)?|辛苦了|辛苦大家(?:了)?|辛苦各位(?:了)?|以上|完毕|就这些|明天见|周末愉快)";

    private static final Pattern SIGN_OFF = Pattern.compile(
            "^" + SIGN_OFF_PHRASE + "(?:[\\s!.,，。！~🙏🙂😊👋:)]+" + SIGN_OFF_PHRASE + ")*[\\s!.,，。！~🙏🙂😊👋:)]*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** "Thanks @ana for the pointer!": thanks to someone, closing a post after a blank line. */
    private static final Pattern THANKS_TO_SOMEONE = Pattern.compile(
            "^(?:thanks|thank you|thx|big thanks|kudos|shout-?outs?|shout out|感谢|谢谢)\\b.{0,200}$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private static final Pattern CC = Pattern.compile(
            "^(?:/?cc|fyi|@?here)\\b[\\s:,]*(?:(?:" + MENTION + ")[\\s,&]*(?:and\\s+)?)+[\\s.!]*$"
                    + "|^(?:(?:" + MENTION + ")[\\s,&]*)+$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** "No blockers.", "Nothing blocking me today", "没有阻碍": the author says nothing blocks them. */
    private static final Pattern NO_BLOCKERS = Pattern.compile(
            "^(?:(?:no|zero|0) (?:blockers?|impediments?|blocking issues|issues|problems|risks)"
                    + "(?: (?:today|for now|so far|at the moment|atm|right now|currently|on my end|from me|here))?"
                    + "|(?:nothing|none) (?:blocking(?: me)?|is blocking me|blocking right now)(?: today| for now| so far)?"
                    + "|not blocked(?: on anything)?(?: today)?|no blockers(?:,| -|:)? (?:all good|all clear)"
                    + "|(?:blockers?|impediments?)[:：]?\\s*(?:none|nothing|n/?a|no)(?: today| so far| for now)?"
                    + "|(?:暂)?(?:无|没有)(?:阻碍|阻塞|问题|风险|困难)|目前没有(?:阻碍|问题)|暂无问题)"
                    + "[\\s!.,~🙂😊🎉:)]*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private static final Pattern EMOJI_CODES = Pattern.compile("^(?::[a-z0-9_+'-]+:\\s*)+$", Pattern.CASE_INSENSITIVE);

    /** "Please post your update in this shape:", "格式如下": the headings that follow are a template for others. */
    private static final Pattern TEMPLATE_INTRO = Pattern.compile(
            "(?:in this (?:shape|format|form)|(?:use|follow|with) (?:this|the|our) (?:format|template)|as follows"
                    + "|like this\\s*[:：]?\\s*$|template\\s*[:：]\\s*$|format\\s*[:：]\\s*$|格式如下|模板如下"
                    + "|按(?:以下|如下|这个)格式|记得写)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** "Daily standup summary", "Acme weekly digest": a round-up of several people's posts, not one person's. */
    private static final Pattern DIGEST_TITLE = Pattern.compile(
            "\\b(?:digest|round-?up|recap|stand-?up summary|team summary|summary of (?:the )?(?:team|standup|updates))\\b"
                    + "|汇总|周报汇总|日报汇总",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private Pleasantries() {
    }

    static boolean isGreeting(String line) {
        String s = plain(line);
        return !s.isEmpty() && (GREETING.matcher(s).matches() || INTRO.matcher(s).matches());
    }

    /** "Update for Tue 1 Dec:", "My status for 12/1": a first line that names the day of an update. */
    static boolean isDatedIntroduction(String line) {
        return DATED.matcher(plain(line)).matches();
    }

    static boolean isTemplateIntro(String line) {
        return TEMPLATE_INTRO.matcher(plain(line)).find();
    }

    static boolean isDigestTitle(String line) {
        return DIGEST_TITLE.matcher(plain(line)).find();
    }

    static boolean isSignOff(String line) {
        if (EMOJI_CODES.matcher(line.strip()).matches()) {
            return true;
        }
        String s = plain(line);
        return !s.isEmpty() && (SIGN_OFF.matcher(s).matches() || CC.matcher(s).matches() || isOnlyEmoji(s));
    }

    /** A closing line set apart by a blank line may thank someone at length. */
    static boolean isClosingThanks(String line) {
        return THANKS_TO_SOMEONE.matcher(plain(line)).matches();
    }

    public static boolean saysNoBlockers(String line) {
        return NO_BLOCKERS.matcher(plain(line)).matches();
    }

    /** Emphasis marks and emoji codes taken off, so that "*Thanks!* :pray:" reads as "Thanks!". */
    private static String plain(String line) {
        return line.replaceAll(":[a-z0-9_+'-]+:", " ").replaceAll("[*_~]", "").strip()
                .replaceAll("\\s+", " ");
    }

    private static boolean isOnlyEmoji(String s) {
        return s.codePoints().allMatch(cp -> Character.isWhitespace(cp) || HeadingReader.isSymbol(cp))
                && s.codePoints().anyMatch(HeadingReader::isSymbol);
    }
}
