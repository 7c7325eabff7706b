package dev.daybook.status;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.daybook.status.Question.Intent;
import dev.daybook.status.Question.Period;

class QuestionParserTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            status of acme                       | STATUS       | acme
            <@U0DAYBOOK> status of acme?         | STATUS       | acme
            What's the status of #acme-churn?    | STATUS       | #acme-churn
            where is acme at?                    | STATUS       | acme
            how's acme going                     | STATUS       | acme
            acme status                          | STATUS       | acme
            status <#C123ABC>                    | STATUS       | <#C123ABC>
            acme 的状态                           | STATUS       | acme
            acme进展如何？                         | STATUS       | acme
            what's blocking acme?                | BLOCKERS     | acme
            What is blocking the acme project    | BLOCKERS     | acme
            any blockers for acme                | BLOCKERS     | acme
            acme blockers                        | BLOCKERS     | acme
            acme 有什么阻碍                        | BLOCKERS     | acme
            best run for acme                    | BEST_RUN     | acme
            what's the best run in acme?         | BEST_RUN     | acme
            acme 的最佳实验                        | BEST_RUN     | acme
            who is working on churn              | WHO_WORKS_ON | churn
            who's working on acme?               | WHO_WORKS_ON | acme
            谁在做 churn                          | WHO_WORKS_ON | churn
            acme goals                           | GOALS        | acme
            goals for acme                       | GOALS        | acme
            acme 的目标                           | GOALS        | acme
            """)
    void projectQuestions(String text, Intent intent, String project) {
        Question q = QuestionParser.parse(text);
        assertThat(q.intent()).isEqualTo(intent);
        assertThat(q.project()).isEqualTo(project);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            what did bob do this week      | bob          | THIS_WEEK
            What did Bob do?               | Bob          | THIS_WEEK
            what has Ada Lovelace done today | Ada Lovelace | TODAY
            what did <@U42ABC> do last week  | <@U42ABC>  | LAST_WEEK
            what did bob work on yesterday | bob          | YESTERDAY
            bob 这周做了什么                 | bob          | THIS_WEEK
            bob 上周做了什么                 | bob          | LAST_WEEK
            """)
    void personQuestions(String text, String person, Period period) {
        Question q = QuestionParser.parse(text);
        assertThat(q.intent()).isEqualTo(Intent.PERSON_WORK);
        assertThat(q.person()).isEqualTo(person);
        assertThat(q.period()).isEqualTo(period);
    }

    @ParameterizedTest
    @ValueSource(strings = {"status", "<@U0DAYBOOK> status", "状态"})
    void aBareStatusMeansTheChannelsProject(String text) {
        Question q = QuestionParser.parse(text);
        assertThat(q.intent()).isEqualTo(Intent.STATUS);
        assertThat(q.project()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "hello", "what's up?", "thanks!", "tell me a joke", "status of it",
            "what's blocking the", "how is the weather in london going to be next week, do you think",
            "delete everything", "<@U0DAYBOOK>", "做了什么", "what did do"})
    void declinesWhatItCannotAnswer(String text) {
        assertThat(QuestionParser.parse(text).intent()).isEqualTo(Intent.UNCLEAR);
    }

    @ParameterizedTest
    @ValueSource(strings = {"help", "<@U0DAYBOOK> help", "what can you do?", "帮助"})
    void helpIsHelp(String text) {
        assertThat(QuestionParser.parse(text).intent()).isEqualTo(Intent.HELP);
    }

    @org.junit.jupiter.api.Test
    void aVeryLongMessageIsNotAQuestion() {
        assertThat(QuestionParser.parse("status of " + "acme ".repeat(100)).intent()).isEqualTo(Intent.UNCLEAR);
    }
}
