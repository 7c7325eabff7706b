package dev.daybook.updates.parsing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import dev.daybook.testkit.UpdateTextGenerator;

/** Thousands of generated texts: the parser never throws, and what it returns always makes sense. */
class UpdateParserFuzzTests {

    private static final long SEED = Long.getLong("daybook.fuzz.seed", 20261123L);

    /** A budget tag that should have been taken out ({@code [x](url)} is a Markdown link, and stays). */
    private static final Pattern BUDGET_TAG = Pattern.compile(
            "\\[(?:core|adjacent|moonshot|learning|70|20|10|\\d+(?:\\.\\d+)?h)\\](?!\\()", Pattern.CASE_INSENSITIVE);

    private final UpdateParser parser = new UpdateParser();

    @Test
    void generatedTextsAreReadWithoutSurprises() {
        UpdateTextGenerator texts = new UpdateTextGenerator(SEED);
        for (int i = 0; i < 10_000; i++) {
            String text = i % 3 == 0 ? texts.nextOneLine() : texts.next();
            for (UpdateParser.Form form : UpdateParser.Form.values()) {
                ParsedUpdate parsed = parser.parse(text, form);
                String replay = "seed " + SEED + ", text #" + i + " (" + form + ")";

                assertThat(parsed).as(replay).isNotNull();
                assertThat(parsed.isEmpty() || parsed.recognised()).as(replay).isTrue();
                assertThat(parsed.isEmpty()).as(replay).isEqualTo(parsed.problems().stream()
                        .anyMatch(p -> p.kind() == ParseProblem.Kind.EMPTY || p.kind() == ParseProblem.Kind.TOO_LONG)
                        || !parsed.recognised());
                for (ParsedItem item : parsed.items()) {
                    assertThat(item.text()).as(replay).isNotBlank().isEqualTo(item.text().strip());
                    assertThat(BUDGET_TAG.matcher(item.text()).find()).as(replay + ": tag left in " + item.text()).isFalse();
                    if (item.hours() != null) {
                        assertThat(item.hours()).as(replay).isGreaterThan(0).isLessThanOrEqualTo(24);
                    }
                }
                parsed.problems().forEach(p -> assertThat(p.message()).as(replay).isNotBlank());
            }
        }
    }
}
