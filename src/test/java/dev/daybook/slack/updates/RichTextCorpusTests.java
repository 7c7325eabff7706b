package dev.daybook.slack.updates;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Type;
import java.util.List;
import java.util.stream.Stream;

import com.google.gson.Gson;
import com.google.gson.reflect.TypeToken;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.util.json.GsonFactory;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import dev.daybook.testkit.SlackComposer;
import dev.daybook.testkit.UpdateCorpus;
import dev.daybook.testkit.UpdateCorpus.Case;
import dev.daybook.updates.parsing.CorpusReading;
import dev.daybook.updates.parsing.UpdateParser;

/**
 * The corpus read from the {@code blocks} Slack's composer sends, as Bolt hands them over: the posts
 * that came with their composer blocks, and every channel post written again as the composer would
 * send it. Each is split exactly as from its text.
 */
class RichTextCorpusTests {

    private static final Gson GSON = GsonFactory.createSnakeCase();
    private static final Type BLOCKS = new TypeToken<List<LayoutBlock>>() { }.getType();
    private final UpdateParser parser = new UpdateParser();

    static Stream<Case> withBlocks() {
        return UpdateCorpus.withBlocks();
    }

    static Stream<Case> messages() {
        return UpdateCorpus.messages();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("withBlocks")
    void readsTheComposersBlocks(Case post) {
        List<LayoutBlock> blocks = GSON.fromJson(post.blocks(), BLOCKS);

        assertThat(RichTextPost.fromBlocks(blocks)).as("the blocks are read").isPresent();
        String read = RichTextPost.textOf(post.text(), blocks);
        assertThat(CorpusReading.of(parser, post, read)).as(read).isEqualTo(CorpusReading.expected(post));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("messages")
    void readsEveryPostAsTheComposerWouldSendIt(Case post) {
        List<LayoutBlock> blocks = GSON.fromJson(SlackComposer.blocksOf(post.text()), BLOCKS);

        String read = RichTextPost.textOf(post.text(), blocks);
        assertThat(CorpusReading.of(parser, post, read)).as(read).isEqualTo(CorpusReading.expected(post));
    }
}
