package dev.daybook.support;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Text as PostgreSQL and H2 can both store it: no NUL, no control characters, no half characters. */
class StorableTextTests {

    @Test
    void cleaningDropsControlCharactersAndMendsHalfCharacters() {
        assertThat(StorableText.of("a\u0000b\u0007c\td\ne\r")).isEqualTo("abc\td\ne\r");
        assertThat(StorableText.of("half\ud800char")).isEqualTo("half\uFFFDchar");
        assertThat(StorableText.of("\udc00lead")).isEqualTo("\uFFFDlead");
        assertThat(StorableText.of("tail\ud83d")).isEqualTo("tail\uFFFD");
        assertThat(StorableText.of("emoji \ud83d\ude00 stays")).isEqualTo("emoji \ud83d\ude00 stays");
        assertThat(StorableText.of("\ude00\ud83d")).isEqualTo("\uFFFD\uFFFD");
        assertThat(StorableText.of(null)).isNull();
    }

    @Test
    void aProblemIsNamedForTheApiToRefuse() {
        assertThat(StorableText.problem("nul\u0000")).get().asString().contains("NUL");
        assertThat(StorableText.problem("half\ud800")).get().asString().contains("surrogate");
        assertThat(StorableText.problem("bell\u0007")).get().asString().contains("control character");
        assertThat(StorableText.problem("fine: tab\t, line\n, emoji \ud83d\ude00, ü, 中文")).isEmpty();
        assertThat(StorableText.problem(null)).isEmpty();
    }
}
