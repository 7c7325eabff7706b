package dev.daybook.updates.parsing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.daybook.testkit.UpdateCorpus;
import dev.daybook.testkit.UpdateCorpus.Case;
import dev.daybook.testkit.UpdateCorpus.Outcome;

/**
 * Every post of the corpus (how teams publicly write and template their stand-ups, in both
 * languages) is read the way a careful reader splits it: whether it is an update at all, each item in
 * its part, what is left out, and "no blockers".
 */
class UpdateCorpusTests {

    private final UpdateParser parser = new UpdateParser();

    static Stream<Case> corpus() {
        return UpdateCorpus.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("corpus")
    void readsThePostAsACarefulReaderWould(Case post) {
        assertThat(CorpusReading.of(parser, post, post.text())).as(post.text()).isEqualTo(CorpusReading.expected(post));
    }

    @Test
    void theCorpusIsLargeAndVariedEnough() {
        List<Case> all = UpdateCorpus.all();
        assertThat(all.stream().filter(c -> c.outcome() == Outcome.RECORD || c.outcome() == Outcome.ASK))
                .hasSizeGreaterThanOrEqualTo(200);
        assertThat(all.stream().filter(c -> c.outcome() == Outcome.IGNORE || c.outcome() == Outcome.REJECT))
                .hasSizeGreaterThanOrEqualTo(30);
        assertThat(all.stream().filter(c -> c.text().codePoints().anyMatch(HeadingVocabulary::isCjk)))
                .hasSizeGreaterThanOrEqualTo(30);
        assertThat(all.stream().map(Case::file).distinct()).hasSizeGreaterThanOrEqualTo(12);
    }

}
