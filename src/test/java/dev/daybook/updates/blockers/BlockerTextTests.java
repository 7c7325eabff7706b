package dev.daybook.updates.blockers;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BlockerTextTests {

    @Test
    void theSameBlockerWrittenDifferentlyHasOneKey() {
        String key = BlockerText.key("need the client's label guide");
        assertThat(BlockerText.key("Need the client's  label guide.")).isEqualTo(key);
        assertThat(BlockerText.key("need the client's label guide [core 1h]")).isEqualTo(key);
        assertThat(BlockerText.key("  NEED THE CLIENT'S LABEL GUIDE!! ")).isEqualTo(key);
        assertThat(BlockerText.key("need the client's label guides")).isNotEqualTo(key);
    }

    @Test
    void aVeryLongBlockerStillHasAShortKey() {
        assertThat(BlockerText.key("x".repeat(50_000))).hasSize(64);
    }

    @Test
    void noneAndItsChineseFormsSayNothingBlocks() {
        assertThat(BlockerText.saysNothing("None")).isTrue();
        assertThat(BlockerText.saysNothing("none.")).isTrue();
        assertThat(BlockerText.saysNothing("N/A")).isTrue();
        assertThat(BlockerText.saysNothing("无")).isTrue();
        assertThat(BlockerText.saysNothing("暂无")).isTrue();
        assertThat(BlockerText.saysNothing("no GPU quota")).isFalse();
        assertThat(BlockerText.saysNothing("need data")).isFalse();
    }

    @Test
    void resolutionItemsNameWhatTheyResolve() {
        assertThat(BlockerText.resolutionTarget("resolved: label guide")).contains("label guide");
        assertThat(BlockerText.resolutionTarget("Unblocked - GPU quota.")).contains("gpu quota");
        assertThat(BlockerText.resolutionTarget("已解决：标注指南")).contains("标注指南");
        assertThat(BlockerText.resolutionTarget("resolved the currency mismatch")).isEmpty();
        assertThat(BlockerText.resolutionTarget("resolved:   ")).isEmpty();
        assertThat(BlockerText.resolutionTarget("trained the model")).isEmpty();
    }

    @Test
    void aResolutionMatchesTheWholeTextOrALongEnoughPart() {
        assertThat(BlockerText.names("label guide", "need the client's label guide")).isTrue();
        assertThat(BlockerText.names("need the client's label guide", "Need the client's label guide.")).isTrue();
        assertThat(BlockerText.names("gpu", "GPU")).isTrue();
        assertThat(BlockerText.names("gpu", "waiting for GPU quota")).isFalse();
        assertThat(BlockerText.names("label guide", "GPU quota")).isFalse();
    }

    @Test
    void aChineseResolutionNamesABlockerByFewerCharacters() {
        assertThat(BlockerText.names("标注指南", "需要客户的标注指南")).isTrue();
        assertThat(BlockerText.names("数据", "需要客户的标注数据")).as("one word is a coincidence").isFalse();
    }

    @Test
    void noneWithWhenOrEmojiSaysNothingBlocks() {
        assertThat(BlockerText.saysNothing("None at the moment")).isTrue();
        assertThat(BlockerText.saysNothing("none 🙌")).isTrue();
        assertThat(BlockerText.saysNothing("n/a :white_check_mark:")).isTrue();
        assertThat(BlockerText.saysNothing("暂时没有")).isTrue();
        assertThat(BlockerText.saysNothing("nothing from the client yet on the label guide")).isFalse();
        assertThat(BlockerText.saysNothing("no access to the S3 bucket")).isFalse();
    }
}
