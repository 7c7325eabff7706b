package dev.daybook.slack.blockkit;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.header;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import com.google.gson.JsonParser;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.TextObject;
import com.slack.api.model.view.View;
import com.slack.api.model.view.ViewTitle;
import com.slack.api.util.json.GsonFactory;
import org.junit.jupiter.api.Test;

import dev.daybook.testkit.BlockKitLimits;

/** The one helper that makes Block Kit fit Slack's limits, checked against the limits as the stand-in checks them. */
class SlackLimitsTests {

    @Test
    void everyPartOfAnOversizedMessageIsCutToItsLimit() {
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(header(h -> h.text(plainText("h".repeat(500)))));
        blocks.add(section(s -> s.text(markdownText("s".repeat(10_000)))));
        blocks.add(section(s -> s.fields(IntStream.range(0, 20).mapToObj(i -> (TextObject) markdownText("f".repeat(3000))).toList())));
        blocks.add(context(c -> c.elements(IntStream.range(0, 15).mapToObj(i -> markdownText("c".repeat(4000))).map(t -> (com.slack.api.model.block.ContextBlockElement) t).toList())));
        blocks.add(actions(a -> a.elements(IntStream.range(0, 30).mapToObj(i -> button(b -> b.actionId("a" + i)
                .text(plainText("b".repeat(200))).value("v"))).map(b -> (com.slack.api.model.block.element.BlockElement) b).toList())));
        blocks.add(actions(a -> a.elements(List.of(button(b -> b.actionId("too-long").text(plainText("x")).value("v".repeat(2001)))))));
        IntStream.range(0, 60).forEach(i -> blocks.add(section(s -> s.text(markdownText("line " + i)))));

        List<LayoutBlock> fitted = SlackLimits.message(blocks);

        String json = GsonFactory.createSnakeCase().toJson(fitted);
        assertThat(BlockKitLimits.problemsOfBlocks(JsonParser.parseString(json), 50)).isEmpty();
        assertThat(fitted).hasSize(50);
        assertThat(json).contains("more parts not shown").doesNotContain("too-long");
    }

    @Test
    void aCutNeverBreaksALinkAMentionAnEntityOrACharacter() {
        String link = "x".repeat(2990) + "<https://example.com/a|label>";
        assertThat(SlackLimits.cut(link, 3000)).isEqualTo("x".repeat(2990) + "…");
        assertThat(SlackLimits.cut("y".repeat(2996) + "&amp;b", 3000)).isEqualTo("y".repeat(2996) + "…");
        String emoji = "z".repeat(2998) + "😀😀";
        String cut = SlackLimits.cut(emoji, 3000);
        assertThat(cut).hasSizeLessThanOrEqualTo(3000);
        assertThat(Character.isHighSurrogate(cut.charAt(cut.length() - 2))).isFalse();
        assertThat(SlackLimits.cut("short", 3000)).isEqualTo("short");
    }

    @Test
    void aViewKeepsAHundredBlocksAndItsTitleFits() {
        View view = View.builder().type("modal").title(ViewTitle.builder().type("plain_text").text("t".repeat(40)).build())
                .blocks(new ArrayList<>(IntStream.range(0, 130).mapToObj(i -> (LayoutBlock) section(s -> s.text(markdownText("b" + i)))).toList()))
                .build();

        View fitted = SlackLimits.view(view);

        assertThat(fitted.getBlocks()).hasSize(100);
        assertThat(BlockKitLimits.refusalOfView(GsonFactory.createSnakeCase().toJson(fitted))).isNull();
    }
}
