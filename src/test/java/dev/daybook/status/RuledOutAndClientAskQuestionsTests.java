package dev.daybook.status;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import dev.daybook.status.Question.Intent;

/** "What have we ruled out on acme?" and "what do we need from the client on acme?", as people ask them. */
class RuledOutAndClientAskQuestionsTests {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "what have we ruled out on acme?|acme",
            "What have we ruled out on Acme NLP|acme nlp",
            "what did we rule out for acme|acme",
            "what did the team rule out in churn?|churn",
            "what's been ruled out on acme|acme",
            "what has been ruled out for acme?|acme",
            "ruled out on acme|acme",
            "what didn't work on acme?|acme",
            "what didnt work for acme|acme",
            "what did not work in acme|acme",
            "dead ends for acme|acme",
            "negative results of acme|acme",
            "acme's dead ends|acme",
            "acme negative results|acme",
            "<@U0DAYBOOK> what have we ruled out on acme?|acme",
            "hey, what have we ruled out on acme!|acme",
            "acme 排除了什么|acme",
            "acme哪些没成功|acme"})
    void ruledOutQuestionsNameTheirProject(String text, String project) {
        Question q = QuestionParser.parse(text);

        assertThat(q.intent()).isEqualTo(Intent.RULED_OUT);
        assertThat(q.project()).isEqualToIgnoringCase(project);
    }

    @ParameterizedTest
    @ValueSource(strings = {"what have we ruled out?", "ruled out", "what didn't work", "dead ends", "排除了什么"})
    void aBareRuledOutMeansTheChannelsProject(String text) {
        Question q = QuestionParser.parse(text);

        assertThat(q.intent()).isEqualTo(Intent.RULED_OUT);
        assertThat(q.project()).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "what do we need from the client on acme?|acme",
            "what does the client owe us on acme|acme",
            "what are we waiting on the client for on acme?|acme",
            "what are we waiting for from the client in churn|churn",
            "client asks for acme|acme",
            "acme's client asks|acme"})
    void clientAskQuestionsNameTheirProject(String text, String project) {
        Question q = QuestionParser.parse(text);

        assertThat(q.intent()).isEqualTo(Intent.CLIENT_ASKS);
        assertThat(q.project()).isEqualToIgnoringCase(project);
    }

    @ParameterizedTest
    @ValueSource(strings = {"what have we ruled out on the?", "what have we ruled out on", "ruled out on it",
            "what did we rule out on a b c d e f g h", "who ruled out acme"})
    void unusableOrOtherPhrasingsAreNotRuledOutQuestions(String text) {
        assertThat(QuestionParser.parse(text).intent()).isNotEqualTo(Intent.RULED_OUT);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "what's blocking acme|BLOCKERS",
            "status of acme|STATUS",
            "what did Bob do this week|PERSON_WORK"})
    void theOtherQuestionsStayWhatTheyWere(String text, Intent intent) {
        assertThat(QuestionParser.parse(text).intent()).isEqualTo(intent);
    }
}
