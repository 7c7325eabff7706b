package dev.daybook.updates.blockers;

import dev.daybook.updates.Blockers;
import dev.daybook.updates.parsing.HeadingVocabulary;
import dev.daybook.updates.parsing.Pleasantries;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How blocker items are compared: the same blocker written again with other case, spacing, a budget
 * tag or a full stop is the same blocker. No I/O.
 */
public final class BlockerText {

    /** Items that say there is no blocker: they count as a Blockers section, but open nothing. */
    private static final Set<String> NOTHING = Set.of("none", "nothing", "no", "nope", "n/a", "na", "-", "—",
            "no blockers", "no blocker", "none so far", "nothing blocking", "all clear", "无", "没有", "暂无", "无阻碍",
            "没有阻碍", "暂无阻碍");

    /** "resolved: the label guide", "unblocked - label guide", "已解决：标注指南". */
    private static final Pattern RESOLUTION = Pattern.compile(
            "^\\s*(?:resolved|unblocked|已解决|解决了|不再阻碍)\\s*[:：\\-–—]\\s*(.+)$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);

    private static final Pattern TAG = Pattern.compile("\\[[^\\]]*]");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final Pattern EDGE_PUNCTUATION = Pattern.compile("^[\\p{Punct}\\s。，；：！？]+|[\\p{Punct}\\s。，；：！？]+$");

    /**
     * A shorter phrase than this must match a blocker exactly: "resolved: it" resolves nothing. A Chinese
     * character says as much as a short word, so it weighs as much as a Latin word's letters:
     * "已解决：标注指南" (four characters) names "需要客户的标注指南".
     */
    private static final int MIN_PARTIAL_MATCH = 5;
    private static final int CJK_WEIGHT = 2;

    private BlockerText() {
    }

    /** Lower case, budget tags removed, spaces collapsed, punctuation at either end removed. */
    static String normalise(String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        s = TAG.matcher(s).replaceAll(" ");
        s = SPACES.matcher(s).replaceAll(" ").strip();
        String stripped = EDGE_PUNCTUATION.matcher(s).replaceAll("");
        return stripped.isEmpty() ? s : stripped;
    }

    /** "none right now", "n/a :white_check_mark:", "暂时没有": a word for nothing, and perhaps when. */
    private static final Pattern NOTHING_FOR_NOW = Pattern.compile(
            "^(?:none|nothing|no|nope|nil|nada|n/?a|zero|not really|all good|all clear|no blockers?|no issues|nothing blocking(?: me)?"
                    + "|none so far|无|没有|暂无|暂时没有|目前没有|暂时无|无阻碍|没有阻碍|暂无阻碍|无问题|没有问题|暂无问题)"
                    + "(?:[ ,]+(?:at the moment|right now|so far|for now|today|atm|currently|as of now|here|on my side|"
                    + "on my end|from me|thankfully|all good|yet))*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern EMOJI = Pattern.compile(":[a-z0-9_+'-]+:|[\\p{So}\\p{Sk}\\x{FE0F}\\x{200D}]",
            Pattern.CASE_INSENSITIVE);

    /** True for "none", "无", "none at the moment :tada:" and the like: the author says nothing blocks them. */
    public static boolean saysNothing(String text) {
        String plain = normalise(EMOJI.matcher(text).replaceAll(" "));
        return plain.isEmpty() || NOTHING.contains(plain) || NOTHING_FOR_NOW.matcher(plain).matches()
                || Pleasantries.saysNoBlockers(text) || plain.chars().allMatch(c -> c == '-' || c == '—' || c == '–');
    }

    /** The key a blocker is stored under: a hash of the normalised text (fits an index however long). */
    static String key(String text) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256")
                    .digest(normalise(text).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("Every Java platform has SHA-256", e);
        }
    }

    private static int weight(String text) {
        return text.codePoints().map(c -> HeadingVocabulary.isCjk(c) ? CJK_WEIGHT : 1).sum();
    }

    /** For an Update item "resolved: &lt;what&gt;" or "unblocked: &lt;what&gt;", the what. */
    static Optional<String> resolutionTarget(String updateItem) {
        Matcher m = RESOLUTION.matcher(updateItem);
        if (!m.matches()) {
            return Optional.empty();
        }
        String target = normalise(m.group(1));
        return target.isEmpty() ? Optional.empty() : Optional.of(target);
    }

    /**
     * Whether a resolution phrase names this blocker: the same text, or a part of it long enough not
     * to be a coincidence ("resolved: label guide" for "need the client's label guide").
     */
    static boolean names(String resolutionTarget, String blockerText) {
        String blocker = normalise(blockerText);
        String target = normalise(resolutionTarget);
        if (blocker.equals(target)) {
            return true;
        }
        return weight(target) >= MIN_PARTIAL_MATCH && blocker.contains(target);
    }
}
