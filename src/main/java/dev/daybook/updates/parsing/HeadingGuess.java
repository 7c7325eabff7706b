package dev.daybook.updates.parsing;

import java.util.Optional;
import java.util.regex.Pattern;

import dev.daybook.updates.parsing.HeadingVocabulary.Meaning;

/**
 * The part a heading names when it is not a phrase of the vocabulary but a question or a label of a
 * team's own template: "What did you get done yesterday?", "Is anything standing in your way?",
 * "Top 3 for tomorrow:", "今天完成了哪些工作？". Read from the words that tell the parts apart: what
 * blocks, what was done (past tense), what comes (future, plans). No I/O.
 */
final class HeadingGuess {

    private static final int FLAGS = Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;

    private static final Pattern ASIDE = Pattern.compile(
            "\\b(?:feel|feeling|mood|how are you|notes?|fyi|learn(?:ed|ing|ings|t)?|til|kudos|shout[- ]?outs?"
                    + "|ooo|out of (?:the )?office|availability|meetings?)\\b|心情|感受|备注|心得|收获", FLAGS);
    private static final Pattern BLOCKER = Pattern.compile(
            "\\b(?:block(?:s|ed|ing|ers?)?|imped\\w*|in (?:your|the) way|standing in|obstacles?|risks?|issues?|problems?"
                    + "|concerns?|stuck|help|need(?:s|ed)?|support|depend\\w*|waiting|challenges?)\\b"
                    + "|问题|困难|阻碍|阻塞|风险|协调|帮助|支持|卡点|卡住", FLAGS);
    private static final Pattern FUTURE = Pattern.compile(
            "\\b(?:will|going to|gonna|plan(?:s|ned|ning)?|tomorrow|next|priorit\\w*|upcoming|coming up|goals? for"
                    + "|to[- ]?dos?|focus\\w*|intend\\w*|want to)\\b|计划|明天|明日|打算|接下来|下一步|待办|未完成|准备", FLAGS);
    private static final Pattern PAST = Pattern.compile(
            "\\b(?:did|done|complete[ds]?|accomplish\\w*|finish(?:ed)?|achiev\\w*|shipped|delivered|worked|yesterday"
                    + "|last|past|since|progress|wins?|highlights?|got)\\b|完成|做了|进展|昨天|昨日|已经", FLAGS);
    private static final Pattern NOW = Pattern.compile("\\b(?:today|tonight|working on|doing)\\b|今天|今日", FLAGS);

    /** A question a stand-up template asks: a question word first, or Chinese asking. */
    private static final Pattern QUESTION = Pattern.compile(
            "^(?:what|which|how|any|anything|anyone|is|are|do|did|does|will|would|have|has|were|was|where|who|can|could"
                    + "|should|tell us|share)\\b.{0,120}[?？]$|^[\\p{IsHan}\\w\\s，、]{2,40}[？?]$", FLAGS);

    private HeadingGuess() {
    }

    /** The part a question or a label heading names, when its words say. */
    static Optional<Meaning> of(String heading) {
        String h = heading.strip();
        if (ASIDE.matcher(h).find()) {
            return Optional.of(Meaning.ASIDE);
        }
        if (BLOCKER.matcher(h).find()) {
            return Optional.of(Meaning.BLOCKER);
        }
        boolean future = FUTURE.matcher(h).find();
        if (PAST.matcher(h).find() && !future) {
            return Optional.of(Meaning.UPDATE);
        }
        if (future || NOW.matcher(h).find()) {
            return Optional.of(Meaning.NEXT);
        }
        return Optional.empty();
    }

    static boolean isQuestion(String text) {
        return QUESTION.matcher(text.strip()).matches();
    }
}
