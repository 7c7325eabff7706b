package dev.daybook.updates.parsing;

import dev.daybook.updates.Blockers;
import dev.daybook.updates.Headings;
import dev.daybook.updates.Section;
import dev.daybook.updates.storage.Updates;

import static dev.daybook.updates.parsing.ParseProblem.Kind.BAD_HOURS;
import static dev.daybook.updates.parsing.ParseProblem.Kind.CONFLICTING_TAGS;
import static dev.daybook.updates.parsing.ParseProblem.Kind.EMPTY;
import static dev.daybook.updates.parsing.ParseProblem.Kind.NO_NEXT;
import static dev.daybook.updates.parsing.ParseProblem.Kind.NO_UPDATE;
import static dev.daybook.updates.parsing.ParseProblem.Kind.NO_WORDS;
import static dev.daybook.updates.parsing.ParseProblem.Kind.TOO_LONG;
import static dev.daybook.updates.Section.BLOCKER;
import static dev.daybook.updates.Section.NEXT;
import static dev.daybook.updates.Section.UPDATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import dev.daybook.projects.Category;
import dev.daybook.updates.parsing.UpdateParser.Form;

class UpdateParserTests {

    private final UpdateParser parser = new UpdateParser();

    private ParsedUpdate command(String text) {
        return parser.parse(text, Form.COMMAND);
    }

    private ParsedUpdate message(String text) {
        return parser.parse(text, Form.MESSAGE);
    }

    private static List<String> texts(ParsedUpdate parsed, Section section) {
        return parsed.items(section).stream().map(ParsedItem::text).toList();
    }

    @Test
    void readsTheProductExample() {
        ParsedUpdate parsed = message("""
                Update:
                - built the text-cleaning step for the invoices; 12% of rows had mismatched currencies
                - ULMFiT baseline: val F1 0.87 (run mlflow:1a2b3c), because BERT needs too much compute for 3k req/day
                Next:
                - fix the currency mismatch, then rerun the baseline
                Blockers:
                - need the client's label guide for the "other" class
                """);

        assertThat(parsed.recognised()).isTrue();
        assertThat(parsed.problems()).isEmpty();
        assertThat(texts(parsed, UPDATE)).containsExactly(
                "built the text-cleaning step for the invoices; 12% of rows had mismatched currencies",
                "ULMFiT baseline: val F1 0.87 (run mlflow:1a2b3c), because BERT needs too much compute for 3k req/day");
        assertThat(texts(parsed, NEXT)).containsExactly("fix the currency mismatch, then rerun the baseline");
        assertThat(texts(parsed, BLOCKER)).containsExactly("need the client's label guide for the \"other\" class");
    }

    @Nested
    class Headings {

        @ParameterizedTest
        @ValueSource(strings = {"Update:", "update:", "UPDATE:", "Updates:", "*Update:*", "*Update*:", "**Update**",
                "**Update:**", "_Update:_", "## Update", "# Update:", "### **Update**", "Update", "Update :",
                "更新", "更新：", "更新:", ":memo: Update:", "*更新*"})
        void recogniseUpdateHeadingsInTheirCommonForms(String heading) {
            ParsedUpdate parsed = message(heading + "\n- trained the model\nNext:\n- tune it");

            assertThat(texts(parsed, UPDATE)).containsExactly("trained the model");
            assertThat(texts(parsed, NEXT)).containsExactly("tune it");
        }

        @ParameterizedTest
        @ValueSource(strings = {"Next:", "next", "*Next:*", "## Next", "Next steps:", "接下来", "下一步：", "**Next**:"})
        void recogniseNextHeadings(String heading) {
            ParsedUpdate parsed = message("Update:\n- a\n" + heading + "\n- b");

            assertThat(texts(parsed, NEXT)).containsExactly("b");
        }

        @ParameterizedTest
        @ValueSource(strings = {"Blockers:", "Blocker:", "*Blockers*", "阻碍", "需要帮助：", "## Blockers"})
        void recogniseBlockerHeadings(String heading) {
            ParsedUpdate parsed = message("Update:\n- a\nNext:\n- b\n" + heading + "\n- c");

            assertThat(texts(parsed, BLOCKER)).containsExactly("c");
        }

        @Test
        void takeTheFirstItemFromTheHeadingLineWhenThereIsAColon() {
            ParsedUpdate parsed = message("Update: shipped the API\nNext: write docs");

            assertThat(texts(parsed, UPDATE)).containsExactly("shipped the API");
            assertThat(texts(parsed, NEXT)).containsExactly("write docs");
        }

        @Test
        void doNotMistakeSentencesThatStartWithAKeywordForHeadings() {
            ParsedUpdate parsed = command("""
                    Update:
                    Updated the feature store schema
                    Next week we start on churn
                    Next:
                    - review
                    """);

            assertThat(texts(parsed, UPDATE)).containsExactly("Updated the feature store schema",
                    "Next week we start on churn");
            assertThat(texts(parsed, NEXT)).containsExactly("review");
        }

        @Test
        void doNotTreatABulletThatMentionsNextAsAHeading() {
            ParsedUpdate parsed = message("Update:\n- Next: was discussed with the client\nNext:\n- x");

            assertThat(texts(parsed, UPDATE)).containsExactly("Next: was discussed with the client");
        }

        @Test
        void mergeRepeatedSections() {
            ParsedUpdate parsed = message("Update:\n- a\nNext:\n- b\nUpdate:\n- c");

            assertThat(texts(parsed, UPDATE)).containsExactly("a", "c");
        }
    }

    @Nested
    class Items {

        @ParameterizedTest
        @ValueSource(strings = {"- ", "* ", "• ", "◦ ", "1. ", "12) ", "+ ", "– "})
        void stripAnyCommonBullet(String bullet) {
            ParsedUpdate parsed = message("Update:\n" + bullet + "cleaned the data\nNext:\n" + bullet + "train");

            assertThat(texts(parsed, UPDATE)).containsExactly("cleaned the data");
        }

        @Test
        void takeEachPlainLineAsAnItem() {
            ParsedUpdate parsed = message("Update:\ncleaned the data\nwrote tests\n\nNext:\ntrain");

            assertThat(texts(parsed, UPDATE)).containsExactly("cleaned the data", "wrote tests");
        }

        @Test
        void keepIndentedContinuationLinesWithTheirItem() {
            ParsedUpdate parsed = message("Update:\n- compared three models\n   the GBM won on recall\nNext:\n- x");

            assertThat(texts(parsed, UPDATE)).containsExactly("compared three models\nthe GBM won on recall");
        }

        @Test
        void keepIndentedSubBulletsAsItemsOfTheirOwn() {
            ParsedUpdate parsed = message("Update:\n- models\n    - GBM\n    - logistic\nNext:\n- x");

            assertThat(texts(parsed, UPDATE)).containsExactly("models", "GBM", "logistic");
        }

        @Test
        void doNotSplitOnSemicolonsInMultiLineText() {
            ParsedUpdate parsed = message("Update:\n- a; b\nNext:\n- c");

            assertThat(texts(parsed, UPDATE)).containsExactly("a; b");
        }

        @Test
        void keepCodeBlocksVerbatimInsideTheirItem() {
            ParsedUpdate parsed = message("""
                    Update:
                    - fixed the loader:
                    ```
                    Next: not a heading
                    - not a bullet
                    ```
                    Next:
                    - ship
                    """);

            assertThat(texts(parsed, UPDATE)).containsExactly(
                    "fixed the loader:\n```\nNext: not a heading\n- not a bullet\n```");
            assertThat(texts(parsed, NEXT)).containsExactly("ship");
        }

        @Test
        void keepSlackMarkupIntact() {
            String item = "paired with <@U024BE7LH> on <https://example.com/pr/12|the PR> in <#C123|ml> :tada: &amp; more";
            ParsedUpdate parsed = message("Update:\n- " + item + "\nNext:\n- x");

            assertThat(texts(parsed, UPDATE)).containsExactly(item);
        }

        @Test
        void ignoreAGreetingBeforeTheFirstHeadingOfAChannelMessage() {
            ParsedUpdate parsed = message("Hi team, my update for today\nUpdate:\n- a\nNext:\n- b");

            assertThat(texts(parsed, UPDATE)).containsExactly("a");
        }

        @Test
        void leaveOutItemsWithoutWordsAndSaySo() {
            ParsedUpdate parsed = message("Update:\n- :tada: :rocket:\n- 🎉\n- real work\nNext:\n- x");

            assertThat(texts(parsed, UPDATE)).containsExactly("real work");
            assertThat(parsed.problems()).extracting(ParseProblem::kind, ParseProblem::detail)
                    .containsExactly(tuple(NO_WORDS, "2 items"));
        }

        @Test
        void readChineseItems() {
            ParsedUpdate parsed = message("更新：\n- 清洗了发票数据 [core 2h]\n接下来：\n- 重新训练基线模型\n阻碍：\n- 需要客户的标注指南");

            assertThat(parsed.items()).extracting(ParsedItem::section, ParsedItem::text, ParsedItem::category,
                    ParsedItem::hours).containsExactly(
                    tuple(UPDATE, "清洗了发票数据", Category.CORE, 2.0),
                    tuple(NEXT, "重新训练基线模型", null, null),
                    tuple(BLOCKER, "需要客户的标注指南", null, null));
        }
    }

    @Nested
    class OneLineForm {

        @Test
        void splitsHeadingsAndSemicolons() {
            ParsedUpdate parsed = command("Update: a; b Next: c");

            assertThat(texts(parsed, UPDATE)).containsExactly("a", "b");
            assertThat(texts(parsed, NEXT)).containsExactly("c");
            assertThat(parsed.problems()).isEmpty();
        }

        @Test
        void readsAllThreeSectionsAndFullWidthPunctuation() {
            ParsedUpdate parsed = command("更新：清洗数据；训练模型 接下来：调参 阻碍：等数据");

            assertThat(texts(parsed, UPDATE)).containsExactly("清洗数据", "训练模型");
            assertThat(texts(parsed, NEXT)).containsExactly("调参");
            assertThat(texts(parsed, BLOCKER)).containsExactly("等数据");
        }

        @Test
        void treatsUnheadedCommandTextAsTheUpdatePart() {
            ParsedUpdate parsed = command("fixed the leak; wrote the test");

            assertThat(texts(parsed, UPDATE)).containsExactly("fixed the leak", "wrote the test");
            assertThat(parsed.problems()).extracting(ParseProblem::kind).containsExactly(NO_NEXT);
        }

        @Test
        void needsBothHeadingsInAChannelMessage() {
            assertThat(message("Update: the server is back up").recognised()).isFalse();
            assertThat(message("Update: deployed Next: monitor").recognised()).isTrue();
        }

        @Test
        void needsAColonForAHeadingInsideALine() {
            ParsedUpdate parsed = command("Update: tuned lr; next week more Next: ship");

            assertThat(texts(parsed, UPDATE)).containsExactly("tuned lr", "next week more");
            assertThat(texts(parsed, NEXT)).containsExactly("ship");
        }

        @Test
        void acceptsBoldInlineHeadings() {
            ParsedUpdate parsed = command("*Update:* a *Next:* b");

            assertThat(texts(parsed, UPDATE)).containsExactly("a");
            assertThat(texts(parsed, NEXT)).containsExactly("b");
        }
    }

    @Nested
    class BudgetTags {

        @Test
        void readCategoriesAndHoursAndRemoveThemFromTheText() {
            ParsedUpdate parsed = command("""
                    Update:
                    - cleaned data [core] [2h]
                    - read a paper [learning 1.5h]
                    - tried diffusion [moonshot]
                    - hallway chat [20]
                    - pairing [70, 30m]
                    - spike [10]
                    Next:
                    - more [adjacent]
                    """);

            assertThat(parsed.items()).extracting(ParsedItem::text, ParsedItem::category, ParsedItem::hours).containsExactly(
                    tuple("cleaned data", Category.CORE, 2.0),
                    tuple("read a paper", Category.ADJACENT, 1.5),
                    tuple("tried diffusion", Category.MOONSHOT, null),
                    tuple("hallway chat", Category.ADJACENT, null),
                    tuple("pairing", Category.CORE, 0.5),
                    tuple("spike", Category.MOONSHOT, null),
                    tuple("more", Category.ADJACENT, null));
            assertThat(parsed.problems()).isEmpty();
        }

        @Test
        void areCaseInsensitiveAndMayStandAnywhere() {
            ParsedUpdate parsed = command("Update:\n- [CORE] cleaned [3H] the data\nNext:\n- x");

            assertThat(parsed.items(UPDATE)).extracting(ParsedItem::text, ParsedItem::category, ParsedItem::hours)
                    .containsExactly(tuple("cleaned the data", Category.CORE, 3.0));
        }

        @Test
        void leaveOtherBracketsAlone() {
            ParsedUpdate parsed = command("Update:\n- [WIP] fixed [the] loader, see [docs](https://x.io) and [10](https://y.io)\nNext:\n- x");

            assertThat(parsed.items(UPDATE)).extracting(ParsedItem::text, ParsedItem::category)
                    .containsExactly(tuple("[WIP] fixed [the] loader, see [docs](https://x.io) and [10](https://y.io)", null));
        }

        @Test
        void reportHoursOutOfRange() {
            ParsedUpdate parsed = command("Update:\n- marathon [30h]\n- nothing [0h]\nNext:\n- x");

            assertThat(parsed.items(UPDATE)).extracting(ParsedItem::text, ParsedItem::hours)
                    .containsExactly(tuple("marathon", null), tuple("nothing", null));
            assertThat(parsed.problems()).extracting(ParseProblem::kind, ParseProblem::detail)
                    .containsExactly(tuple(BAD_HOURS, "[30h]"), tuple(BAD_HOURS, "[0h]"));
        }

        @Test
        void keepTheFirstOfConflictingTags() {
            ParsedUpdate parsed = command("Update:\n- both [core] [moonshot] [1h] [2h]\nNext:\n- x");

            assertThat(parsed.items(UPDATE)).extracting(ParsedItem::category, ParsedItem::hours)
                    .containsExactly(tuple(Category.CORE, 1.0));
            assertThat(parsed.problems()).extracting(ParseProblem::kind).containsExactly(CONFLICTING_TAGS, CONFLICTING_TAGS);
        }

        @Test
        void dropAnItemThatWasOnlyATag() {
            ParsedUpdate parsed = command("Update:\n- [core]\n- real\nNext:\n- x");

            assertThat(texts(parsed, UPDATE)).containsExactly("real");
        }
    }

    @Nested
    class BadInput {

        @Test
        void emptyTextIsEmpty() {
            assertThat(command("").problems()).extracting(ParseProblem::kind).containsExactly(EMPTY);
            assertThat(command("   \n\t").problems()).extracting(ParseProblem::kind).containsExactly(EMPTY);
            assertThat(command(null).isEmpty()).isTrue();
        }

        @Test
        void headingsWithoutItemsAreEmpty() {
            ParsedUpdate parsed = message("Update:\nNext:\nBlockers:");

            assertThat(parsed.recognised()).isTrue();
            assertThat(parsed.isEmpty()).isTrue();
            assertThat(parsed.problems()).extracting(ParseProblem::kind).containsExactly(EMPTY);
        }

        @Test
        void onlyEmojiIsEmpty() {
            ParsedUpdate parsed = command(":white_check_mark: :tada:");

            assertThat(parsed.isEmpty()).isTrue();
            assertThat(parsed.problems()).extracting(ParseProblem::kind).containsExactly(EMPTY, NO_WORDS);
        }

        @Test
        void updateWithoutNextIsRecordedWithAProblem() {
            ParsedUpdate parsed = message("Update:\n- a");

            assertThat(texts(parsed, UPDATE)).containsExactly("a");
            assertThat(parsed.problems()).extracting(ParseProblem::kind).containsExactly(NO_NEXT);
        }

        @Test
        void nextWithoutUpdateSaysSo() {
            ParsedUpdate parsed = message("Update:\nNext:\n- b");

            assertThat(texts(parsed, NEXT)).containsExactly("b");
            assertThat(parsed.problems()).extracting(ParseProblem::kind).containsExactly(NO_UPDATE);
        }

        @Test
        void aChannelMessageWithoutHeadingsIsNotAnUpdate() {
            ParsedUpdate parsed = message("has anyone seen the label guide?\nnext week maybe");

            assertThat(parsed.recognised()).isFalse();
            assertThat(parsed.isEmpty()).isTrue();
        }

        @Test
        void broadcastMentionsAreKeptAsWritten() {
            ParsedUpdate parsed = message("Update:\n- told <!channel> about the outage <!here|here>\nNext:\n- x");

            assertThat(texts(parsed, UPDATE)).containsExactly("told <!channel> about the outage <!here|here>");
        }

        @Test
        void fortyThousandCharactersAreReadQuickly() {
            String longItem = "x".repeat(39_000);
            String text = "Update:\n- " + longItem + "\nNext:\n" + "- y\n".repeat(200);

            long started = System.nanoTime();
            ParsedUpdate parsed = message(text);
            Duration took = Duration.ofNanos(System.nanoTime() - started);

            assertThat(texts(parsed, UPDATE)).containsExactly(longItem);
            assertThat(parsed.items(NEXT)).hasSize(200);
            assertThat(took).isLessThan(Duration.ofSeconds(2)); // linear, not catastrophic backtracking
        }

        @Test
        void pathologicalInputDoesNotBacktrack() {
            String text = "Update: " + "[".repeat(20_000) + "*".repeat(20_000) + ":".repeat(20_000);

            long started = System.nanoTime();
            command(text);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        }

        @Test
        void refusesTextBeyondTheLimit() {
            ParsedUpdate parsed = command("Update: " + "x".repeat(UpdateParser.MAX_LENGTH));

            assertThat(parsed.isEmpty()).isTrue();
            assertThat(parsed.problems()).extracting(ParseProblem::kind).containsExactly(TOO_LONG);
        }

        @Test
        void windowsLineEndingsAndInvisibleCharactersAreHandled() {
            ParsedUpdate parsed = message("\uFEFFUpdate:\r\n- a\u200B\r\nNext:\r\n- b\r\n");

            assertThat(texts(parsed, UPDATE)).containsExactly("a");
            assertThat(texts(parsed, NEXT)).containsExactly("b");
        }
    }

    /** How people really write a daily update: each of these was dropped, misfiled or mangled before. */
    @Nested
    class WhatPeopleWrite {

        @ParameterizedTest
        @ValueSource(strings = {
                "Yesterday:\n- a\nToday:\n- b\nBlockers:\n- c",
                "Done:\n- a\nNext:\n- b\nBlockers:\n- c",
                "Progress:\n- a\nPlans:\n- b\nProblems:\n- c",
                "今日完成：\n- a\n明日计划：\n- b\n遇到的问题：\n- c",
                ":white_check_mark: Done\n- a\n:dart: Next\n- b\n:construction: Blocked\n- c",
                "Update -\n- a\nNext -\n- b\nBlockers -\n- c"})
        void otherStandUpVocabulariesAreUpdates(String post) {
            ParsedUpdate parsed = message(post);

            assertThat(parsed.verdict()).isEqualTo(ParsedUpdate.Verdict.UPDATE);
            assertThat(texts(parsed, UPDATE)).containsExactly("a");
            assertThat(texts(parsed, NEXT)).containsExactly("b");
            assertThat(texts(parsed, BLOCKER)).containsExactly("c");
        }

        @Test
        void todayIsThePlanBesideYesterdayAndWhatWasDoneBesideTomorrow() {
            assertThat(texts(message("Yesterday:\n- a\nToday:\n- b"), NEXT)).containsExactly("b");
            assertThat(texts(message("Today:\n- a\nTomorrow:\n- b"), UPDATE)).containsExactly("a");
            assertThat(texts(message("今天\n- a\n明天\n- b"), UPDATE)).containsExactly("a");
        }

        @Test
        void unknownHeadingsInACommandAreNotItems() {
            ParsedUpdate parsed = command("Progress: labelled rows; trained Plans: tune Problems: no GPU");

            assertThat(texts(parsed, UPDATE)).containsExactly("labelled rows", "trained");
            assertThat(texts(parsed, NEXT)).containsExactly("tune");
            assertThat(texts(parsed, BLOCKER)).containsExactly("no GPU");
        }

        @Test
        void blockedNothingEndsTheNextPartAndIsNoBlocker() {
            ParsedUpdate parsed = command("Done: fixed the loader Next: ship it Blocked: nothing");

            assertThat(texts(parsed, NEXT)).containsExactly("ship it");
            assertThat(parsed.items(BLOCKER)).isEmpty();
            assertThat(parsed.blockersStated()).isTrue();
        }

        @ParameterizedTest
        @ValueSource(strings = {"none", "N/A", "No blockers", "none so far", "无", "没有", "暂无", "None at the moment :tada:",
                "-", "nothing right now", "n/a :white_check_mark:"})
        void noBlockersIsNoBlocker(String none) {
            ParsedUpdate parsed = message("Update:\n- a\nNext:\n- b\nBlockers:\n- " + none);

            assertThat(parsed.items(BLOCKER)).isEmpty();
            assertThat(parsed.blockersStated()).as("it still says the author has none").isTrue();
        }

        @Test
        void signOffsAndCcLinesAreNotItems() {
            ParsedUpdate parsed = message("Hi all!\nUpdate:\n- a\nNext:\n- b\n\nNo blockers.\nthanks!\ncc <@U1> <@U2>");

            assertThat(texts(parsed, UPDATE)).containsExactly("a");
            assertThat(texts(parsed, NEXT)).containsExactly("b");
            assertThat(parsed.items(BLOCKER)).isEmpty();
            assertThat(parsed.blockersStated()).isTrue();
        }

        @Test
        void headingsInCodeOrQuotesAreNeverHeadings() {
            assertThat(message("```\nUpdate:\n- a\nNext:\n- b\n```").recognised()).isFalse();
            assertThat(message("&gt; Update:\n&gt; - a\n&gt; Next:\n&gt; - b").recognised()).isFalse();
        }

        @Test
        void announcementsAndChatStayChat() {
            assertThat(message("Update: the server is back").recognised()).isFalse();
            assertThat(message("Next: lunch?").recognised()).isFalse();
            assertThat(message("Daily updates are collected by Daybook: post Update: / Next: here!").recognised()).isFalse();
        }

        @Test
        void oneOtherHeadingOverAListIsPerhapsAnUpdate() {
            assertThat(message("Done:\n- a\n- b").verdict()).isEqualTo(ParsedUpdate.Verdict.MAYBE);
            assertThat(message("Update:\n- a\n- b").verdict()).as("Daybook's own heading").isEqualTo(ParsedUpdate.Verdict.UPDATE);
            assertThat(message("EOD\n- a\n- b").verdict()).as("a daily update title").isEqualTo(ParsedUpdate.Verdict.UPDATE);
        }

        @Test
        void itemsUnderHeadingsDaybookDoesNotKeepAreLeftOutAndNamed() {
            ParsedUpdate parsed = message("Update:\n- a\nNotes:\n- remember the demo\nNext:\n- b");

            assertThat(parsed.leftOut()).containsExactly("remember the demo");
            assertThat(parsed.problems()).extracting(ParseProblem::kind, ParseProblem::detail)
                    .contains(tuple(ParseProblem.Kind.LEFT_OUT, "Notes"));
        }

        @Test
        void templateQuestionsNameTheirParts() {
            ParsedUpdate parsed = message("*What did you get done yesterday?*\n• a\n*What are you working on today?*\n"
                    + "• b\n*Is anything standing in your way?*\n• c");

            assertThat(texts(parsed, UPDATE)).containsExactly("a");
            assertThat(texts(parsed, NEXT)).containsExactly("b");
            assertThat(texts(parsed, BLOCKER)).containsExactly("c");
        }

        @Test
        void aProjectsOwnHeadingsNameItsParts() {
            UpdateParser own = new UpdateParser(HeadingVocabulary.standard().with(
                    java.util.Map.of("shipped to the client", UPDATE, "asks for the lead", BLOCKER)));

            ParsedUpdate parsed = own.parse("Shipped to the client:\n- a\nAsks for the lead:\n- c", Form.MESSAGE);

            assertThat(parsed.verdict()).isEqualTo(ParsedUpdate.Verdict.UPDATE);
            assertThat(texts(parsed, UPDATE)).containsExactly("a");
            assertThat(texts(parsed, BLOCKER)).containsExactly("c");
        }

        @Test
        void fiveHundredHeadingsAreReadQuickly() {
            String text = "Update:\n- a\nNext:\n- b\n".repeat(250);

            long started = System.nanoTime();
            ParsedUpdate parsed = message(text);

            assertThat(parsed.items(UPDATE)).hasSize(250);
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(2));
        }

        @Test
        void aHeadingOnlyPostIsNoUpdateUnlessItLooksLikeAnEmptyOne() {
            assertThat(message("Update:\nNext:\nBlockers:").recognised()).as("an empty template: the author is told")
                    .isTrue();
            assertThat(message("Please share:\n• What did you do yesterday?\n• What will you do today?").recognised())
                    .as("a prompt to others").isFalse();
        }

        @Test
        void mixedEnglishAndChineseHeadings() {
            ParsedUpdate parsed = message("*Done / 完成*\n• 清洗数据\n*Next / 计划*\n• retrain\n*Blockers 阻碍*\n• 暂无");

            assertThat(texts(parsed, UPDATE)).containsExactly("清洗数据");
            assertThat(texts(parsed, NEXT)).containsExactly("retrain");
            assertThat(parsed.blockersStated()).isTrue();
        }
    }
}
