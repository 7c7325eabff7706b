package dev.daybook.status;

import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.daybook.status.Question.Intent;
import dev.daybook.status.Question.Period;

/**
 * Reads the questions people ask Daybook in a mention or a direct message, in English and in simple
 * Chinese: "status of acme", "what's blocking acme?", "what did bob do this week", "best run for acme",
 * "who is working on churn", "acme goals", "acme 的状态", "acme 有什么阻碍", "谁在做 churn". Anything
 * else is {@link Intent#UNCLEAR}: Daybook answers with what it can answer rather than guessing. Pure.
 */
public final class QuestionParser {

    private static final Pattern MENTION_OF_SOMEONE = Pattern.compile("^\\s*<@[UW][A-Z0-9]+(?:\\|[^>]*)?>[\\s,:]*");
    private static final Pattern TRAILING = Pattern.compile("[\\s?？!！.。]+$");
    private static final String P = "(.+?)"; // the project or person phrase

    private record Form(Pattern pattern, Function<Matcher, Question> read) {
        static Form of(String regex, Function<Matcher, Question> read) {
            return new Form(Pattern.compile("^" + regex + "$", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE), read);
        }

        static Form project(String regex, Intent intent) {
            return of(regex, m -> Question.about(intent, m.group(1)));
        }
    }

    private static final String PERIOD = "(today|yesterday|this week|last week|本周|这周|上周|今天|昨天)?";

    // The asker's own projects, as people say it: "my projects", "me", "我的项目".
    private static final String MINE = "(?:me|my projects?|all my projects|my channels?|my work)";
    private static final String CN_MINE = "(?:我的所有项目|我的项目|我)";
    private static final String WEEK = "(this week|last week|本周|这周|上周)";
    private static final String BEST = "(?:what(?:'s| is|’s|s) (?:the |my )?)?(?:best|top) (?:verified )?runs?";
    private static final String CN_BEST = "(?:的)?(?:最佳实验|最好的实验|最佳运行|最好的运行|最好的验证实验|最佳验证实验)";
    // "What did I say I'd do next?" and the ways people ask for their own Next.
    private static final String I_WOULD = "i(?:'d|’d| would| will|'ll|’ll|d)";
    private static final String MY_NEXT = "(?:what did i say " + I_WOULD + " (?:do|work on|tackle) next"
            + "|what did i (?:say|plan|promise)(?: to do)? next"
            + "|what (?:was|am) i (?:going to|gonna|supposed to|meant to|planning to) do next"
            + "|what (?:am i doing|do i do|should i do|is on my plate) next"
            + "|what(?:'s| is|’s|s) next for me|what(?:'s| is|’s|s) my next(?: items?| steps?)?"
            + "|what are my next(?: items| steps| things)?|my next(?: items| steps)?|my plan|my plans)";
    private static final String CN_NEXT = "(?:我(?:说过|说了|说|计划|打算)?(?:我)?(?:接下来|下一步)(?:要|会)?(?:做|干)(?:什么|啥)"
            + "|我的下一步(?:是什么)?|我接下来的计划|我的计划)";

    private static final List<Form> FORMS = List.of(
            Form.of("(?:help|what can you do|what can i ask|帮助)", m -> Question.about(Intent.HELP, null)),
            // the asker's own projects: "What's blocking my projects?"
            Form.of("(?:(?:what(?:'s| is|’s)|whats|is anything|anything) blocking|what blocks) " + MINE,
                    m -> Question.mine(Intent.MY_BLOCKERS, null, null)),
            Form.of("(?:any |open )?blockers? (?:for|on|in|of|across) " + MINE, m -> Question.mine(Intent.MY_BLOCKERS, null, null)),
            Form.of("(?:(?:my|all my) (?:open )?blockers?|my projects?(?:'|'s|’|’s)? (?:open )?blockers?)",
                    m -> Question.mine(Intent.MY_BLOCKERS, null, null)),
            Form.of("(?:" + CN_MINE + "(?:有什么|有哪些|的)?阻碍(?:是什么)?|什么阻碍了?\\s*" + CN_MINE + ")",
                    m -> Question.mine(Intent.MY_BLOCKERS, null, null)),
            // the asker's Next: "What did I say I'd do next?", perhaps "... in acme"
            Form.of(MY_NEXT, m -> Question.mine(Intent.MY_NEXT, null, null)),
            Form.of(MY_NEXT + " (?:in|on|for|at) " + P, m -> Question.mine(Intent.MY_NEXT, m.group(1), null)),
            Form.of(CN_NEXT, m -> Question.mine(Intent.MY_NEXT, null, null)),
            Form.of("(?:我在)?\\s*" + P + "\\s*(?:里|中|上)?的?" + CN_NEXT, m -> Question.mine(Intent.MY_NEXT, m.group(1), null)),
            // the best verified run of a week: across the asker's projects, or in the one named
            Form.of(BEST + " " + WEEK, m -> Question.mine(Intent.MY_BEST_RUN, null, period(m.group(1)))),
            Form.of(WEEK + "(?:'s|’s) (?:best|top) (?:verified )?runs?", m -> Question.mine(Intent.MY_BEST_RUN, null, period(m.group(1)))),
            Form.of(BEST + " (?:across|in|for|of|on) " + MINE + "(?: " + WEEK + ")?",
                    m -> Question.mine(Intent.MY_BEST_RUN, null, m.group(1) == null ? null : period(m.group(1)))),
            Form.of("my (?:best|top) (?:verified )?runs?(?: " + WEEK + ")?",
                    m -> Question.mine(Intent.MY_BEST_RUN, null, m.group(1) == null ? null : period(m.group(1)))),
            Form.of(BEST + " " + WEEK + " (?:for|in|of|on) " + P, m -> Question.mine(Intent.BEST_RUN, m.group(2), period(m.group(1)))),
            Form.of(BEST + " (?:for|in|of|on) " + P + " " + WEEK, m -> Question.mine(Intent.BEST_RUN, m.group(1), period(m.group(2)))),
            Form.of(P + "(?:'s|’s)? (?:best|top) (?:verified )?runs? " + WEEK, m -> Question.mine(Intent.BEST_RUN, m.group(1), period(m.group(2)))),
            Form.of("(?:" + CN_MINE + "\\s*)?" + WEEK + CN_BEST, m -> Question.mine(Intent.MY_BEST_RUN, null, period(m.group(1)))),
            Form.of(CN_MINE + CN_BEST, m -> Question.mine(Intent.MY_BEST_RUN, null, null)),
            Form.of(P + "\\s*" + WEEK + CN_BEST, m -> Question.mine(Intent.BEST_RUN, m.group(1), period(m.group(2)))),
            // about the channel's own project: "@Daybook status" in #acme-churn
            Form.of("(?:status|what's the status|状态|进展)", m -> Question.about(Intent.STATUS, null)),
            Form.of("(?:blockers|what's blocking us|what is blocking us|阻碍)", m -> Question.about(Intent.BLOCKERS, null)),
            Form.of("(?:goals|目标)", m -> Question.about(Intent.GOALS, null)),
            Form.of("(?:what (?:have|did) we (?:rule|ruled) out|what(?:'s| has| have|’s)? (?:been )?ruled out|ruled out|"
                    + "what didn'?t work|what did not work|dead ends|negative results|排除了什么|哪些没成功|没成功的)",
                    m -> Question.about(Intent.RULED_OUT, null)),
            Form.of("(?:what do we need from the client|what does the client owe us|client asks|"
                    + "what are we waiting on the client for|客户欠我们什么|需要客户做什么)",
                    m -> Question.about(Intent.CLIENT_ASKS, null)),
            // ruled out
            Form.project("what (?:have|did|has) (?:we|the team) (?:rule|ruled) out (?:on|for|in|with) " + P,
                    Intent.RULED_OUT),
            Form.project("what(?:'s| has| have|’s)? (?:been )?ruled out (?:on|for|in|with) " + P, Intent.RULED_OUT),
            Form.project("what (?:didn'?t|did not|hasn'?t|has not) work(?:ed)? (?:on|for|in|with) " + P,
                    Intent.RULED_OUT),
            Form.project("(?:dead ends|negative results|ruled out) (?:on|for|in|of) " + P, Intent.RULED_OUT),
            Form.project(P + "(?:'s|’s)? (?:dead ends|negative results)", Intent.RULED_OUT),
            Form.project(P + "\\s*(?:排除了什么|排除了哪些|哪些没成功|什么没成功|没成功的)", Intent.RULED_OUT),
            // client asks
            Form.project("what do we need from (?:the client|the customer|them) (?:on|for|in) " + P, Intent.CLIENT_ASKS),
            Form.project("what (?:does|do) (?:the client|the customer) owe us (?:on|for|in) " + P, Intent.CLIENT_ASKS),
            Form.project("what are we waiting (?:on|for) (?:from )?(?:the client|the customer)(?: for)? (?:on|for|in) " + P,
                    Intent.CLIENT_ASKS),
            Form.project("(?:client asks|asks of the client) (?:on|for|in|of) " + P, Intent.CLIENT_ASKS),
            Form.project(P + "(?:'s|’s)? client asks", Intent.CLIENT_ASKS),
            Form.of("(?:best (?:verified )?run|最佳实验)", m -> Question.about(Intent.BEST_RUN, null)),
            // blockers
            Form.project("(?:what(?:'s| is|’s)|whats) blocking " + P, Intent.BLOCKERS),
            Form.project("what blocks " + P, Intent.BLOCKERS),
            Form.project("(?:any |open )?blockers? (?:for|on|in|of) " + P, Intent.BLOCKERS),
            Form.project(P + "(?:'s|’s)? (?:open )?blockers?", Intent.BLOCKERS),
            Form.project(P + "\\s*(?:有什么阻碍|有哪些阻碍|的阻碍|阻碍)", Intent.BLOCKERS),
            Form.project("什么阻碍了?\\s*" + P, Intent.BLOCKERS),
            // best run
            Form.project("(?:what(?:'s| is|’s) the )?best (?:verified )?runs? (?:for|in|of|on) " + P, Intent.BEST_RUN),
            Form.project(P + "(?:'s|’s)? best (?:verified )?runs?", Intent.BEST_RUN),
            Form.project(P + "\\s*(?:的)?(?:最好的实验|最佳实验|最佳运行|最好的运行)", Intent.BEST_RUN),
            // goals
            Form.project("(?:what are the |what are )?goals? (?:for|of|in) " + P, Intent.GOALS),
            Form.project("what are " + P + "(?:'s|’s) goals?", Intent.GOALS),
            Form.project(P + "(?:'s|’s)? goals?", Intent.GOALS),
            Form.project(P + "\\s*(?:的)?目标", Intent.GOALS),
            // who works on
            Form.project("who(?:'s| is|’s) (?:working|posting) on " + P, Intent.WHO_WORKS_ON),
            Form.project("who (?:works|worked) on " + P, Intent.WHO_WORKS_ON),
            Form.project("(?:谁在做|谁负责|谁在负责)\\s*" + P, Intent.WHO_WORKS_ON),
            // what did a person do
            Form.of("what (?:did|has) " + P + " (?:do|done|been doing|work on|worked on)\\s*" + PERIOD,
                    m -> new Question(Intent.PERSON_WORK, null, m.group(1), period(m.group(2)))),
            Form.of(P + "\\s*" + PERIOD + "\\s*做了什么", 
                    m -> new Question(Intent.PERSON_WORK, null, m.group(1), period(m.group(2)))),
            // status
            Form.project("(?:what(?:'s| is|’s) the )?status (?:of|for|on|in) " + P, Intent.STATUS),
            Form.project("where(?:'s| is|’s) " + P + " at", Intent.STATUS),
            Form.project("how(?:'s| is|’s) " + P + " (?:going|doing)", Intent.STATUS),
            Form.project(P + "(?:'s|’s)? status", Intent.STATUS),
            Form.project("status " + P, Intent.STATUS),
            Form.project(P + "\\s*(?:的状态|状态|进展如何|的进展|进展|怎么样了)", Intent.STATUS));

    private QuestionParser() {
    }

    public static Question parse(String text) {
        if (text == null) {
            return Question.unclear();
        }
        String q = MENTION_OF_SOMEONE.matcher(text.strip()).replaceFirst("");
        q = TRAILING.matcher(q.replaceAll("\\s+", " ").strip()).replaceAll("");
        q = q.replaceFirst("(?i)^(?:(?:hey|hi|please|pls)[,\\s]+|请问[,，\\s]*)", "");
        if (q.isEmpty() || q.length() > 200) {
            return Question.unclear();
        }
        for (Form form : FORMS) {
            Matcher m = form.pattern().matcher(q);
            if (m.matches()) {
                Question found = form.read().apply(m);
                String phrase = found.project() != null ? found.project() : found.person();
                if (phrase != null && !usable(phrase)) {
                    return Question.unclear();
                }
                return new Question(found.intent(), clean(found.project()), clean(found.person()), found.period());
            }
        }
        return Question.unclear();
    }

    private static Period period(String written) {
        if (written == null || written.isBlank()) {
            return Period.THIS_WEEK;
        }
        return switch (written.strip().toLowerCase(Locale.ROOT)) {
            case "today", "今天" -> Period.TODAY;
            case "yesterday", "昨天" -> Period.YESTERDAY;
            case "last week", "上周" -> Period.LAST_WEEK;
            default -> Period.THIS_WEEK;
        };
    }

    /** A phrase of one to four words; "the" or "it" is not a name. */
    private static boolean usable(String phrase) {
        if (phrase == null) {
            return false;
        }
        String p = clean(phrase);
        if (p.isEmpty() || p.split(" ").length > 4) {
            return false;
        }
        return !List.of("it", "this", "that", "the", "the project", "this project", "we", "us", "anything",
                "everything", "what", "who", "me", "my", "mine", "my projects", "my project", "all my projects",
                "我", "我的项目", "this week", "last week", "本周", "这周", "上周").contains(p.toLowerCase(Locale.ROOT));
    }

    private static String clean(String phrase) {
        if (phrase == null) {
            return null;
        }
        String p = phrase.strip();
        p = p.replaceFirst("(?i)^(?:the project|project|the channel|channel|the)\\s+", "");
        p = p.replaceFirst("(?i)\\s+(?:project|channel)$", "");
        return p.replaceFirst("[\\s的]+$", "").strip();
    }
}
