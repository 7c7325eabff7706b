package dev.daybook.testkit;

import java.util.List;
import java.util.Random;

/**
 * Generates update texts for fuzzing, from the pieces people really type (headings in their
 * forms, bullets, budget tags, Slack markup, Chinese, emoji) mixed with junk: stray brackets and
 * colons, control and invisible characters, surrogate pairs, very long lines. Seeded, so a failure
 * can be replayed.
 */
public final class UpdateTextGenerator {

    private static final List<String> HEADINGS = List.of("Update:", "update", "*Update:*", "**Update**", "## Update",
            "Next:", "*Next*", "Next steps:", "Blockers:", "Blocker", "更新", "更新：", "接下来：", "下一步", "阻碍", "需要帮助：",
            "Update :", "_Next:_", ":memo: Update:", "# Blockers");
    private static final List<String> BULLETS = List.of("- ", "* ", "• ", "◦ ", "1. ", "2) ", "+ ", "", "    - ", "\t");
    private static final List<String> WORDS = List.of("trained", "the", "baseline", "F1", "0.87", "val", "auc=0.91",
            "run:abc123", "mlflow:1a2b3c", "#goal-churn", "<@U024BE7LH>", "<#C123|ml>", "<https://x.io/a?b=c|link>",
            "<!channel>", "<!here>", ":tada:", "🎉", "清洗", "数据", "Ünïcödé", "naïve", "1e309", "NaN", "; ", ";",
            "[core]", "[2h]", "[moonshot 1.5h]", "[99h]", "[learning]", "[70]", "[WIP]", "[", "]", "[[", "]]", "(", ")",
            "*", "**", "_", "`code`", "```", ":", "：", "'", "\"", "\\", "&amp;", "&lt;", "<", ">", "&", "%", "%00",
            "\u200B", "\uFEFF", "\u202E", "e\u0301", "\uD83D\uDE00", "\u0000", "\u0007", "next", "Update", "DROP TABLE",
            "' OR '1'='1", "<script>alert(1)</script>", "${jndi:ldap://x}", "{{7*7}}");

    private final Random random;

    public UpdateTextGenerator(long seed) {
        this.random = new Random(seed);
    }

    public String next() {
        StringBuilder text = new StringBuilder();
        int lines = random.nextInt(random.nextInt(10) == 0 ? 200 : 12);
        for (int i = 0; i < lines; i++) {
            int kind = random.nextInt(10);
            if (kind < 3) {
                text.append(pick(HEADINGS));
                if (random.nextBoolean()) {
                    text.append(' ').append(words(random.nextInt(5)));
                }
            } else if (kind < 9) {
                text.append(pick(BULLETS)).append(words(1 + random.nextInt(12)));
            } else {
                text.append(junk());
            }
            text.append(random.nextInt(8) == 0 ? "\r\n" : random.nextInt(12) == 0 ? " " : "\n");
        }
        if (random.nextInt(40) == 0) {
            text.append("x".repeat(random.nextInt(45_000)));
        }
        return text.toString();
    }

    /** A one-line form, as typed after {@code /update}. */
    public String nextOneLine() {
        return next().replace('\n', ' ').replace('\r', ' ');
    }

    private String words(int count) {
        StringBuilder words = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                words.append(random.nextInt(6) == 0 ? "" : " ");
            }
            words.append(pick(WORDS));
        }
        return words.toString();
    }

    private String junk() {
        StringBuilder junk = new StringBuilder();
        int length = random.nextInt(60);
        for (int i = 0; i < length; i++) {
            junk.append((char) random.nextInt(random.nextBoolean() ? 128 : 0xFFFF));
        }
        return junk.toString();
    }

    private String pick(List<String> from) {
        return from.get(random.nextInt(from.size()));
    }
}
