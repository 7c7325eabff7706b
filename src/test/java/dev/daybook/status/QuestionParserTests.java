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
    @ParameterizedTest
    @ValueSource(strings = {"What's blocking my projects?", "what is blocking my projects", "whats blocking my project",
            "what’s blocking me?", "What blocks my projects?", "is anything blocking my work?", "anything blocking me",
            "blockers in my projects", "any blockers across my projects?", "open blockers for all my projects",
            "my blockers", "My open blockers", "my projects' blockers", "my project's blockers",
            "<@U0DAYBOOK> what's blocking my projects?", "hey, what's blocking my projects?", "please what's blocking me",
            "我的项目有什么阻碍", "我的项目有哪些阻碍？", "我的阻碍", "我有什么阻碍", "什么阻碍了我的项目", "请问我的项目的阻碍是什么"})
    void blockersAcrossTheAskersProjects(String text) {
        Question q = QuestionParser.parse(text);
        assertThat(q.intent()).as(text).isEqualTo(Intent.MY_BLOCKERS);
        assertThat(q.project()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"What did I say I'd do next?", "what did i say i would do next", "what did I say I’d do next",
            "what did I say I'll do next", "what did i say id do next", "What did I say I'd work on next?",
            "what did I plan to do next", "what did i promise next", "what was I going to do next?",
            "what am I supposed to do next", "what do I do next", "what's next for me?", "what is my next",
            "whats my next steps", "what are my next items?", "my next", "My next steps", "my plan",
            "我接下来要做什么", "我说过接下来做什么", "我下一步做什么？", "我的下一步", "我的下一步是什么", "我接下来的计划"})
    void theAskersOwnNext(String text) {
        Question q = QuestionParser.parse(text);
        assertThat(q.intent()).as(text).isEqualTo(Intent.MY_NEXT);
        assertThat(q.project()).isNull();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            what did I say I'd do next in acme?       | acme
            What did I say I'd do next on #acme-nlp   | #acme-nlp
            what's my next for the acme project       | acme
            my next steps in <#C123ABC>               | <#C123ABC>
            acme 我的下一步                             | acme
            acme 里我接下来要做什么                       | acme
            """)
    void theAskersOwnNextInOneProject(String text, String project) {
        Question q = QuestionParser.parse(text);
        assertThat(q.intent()).as(text).isEqualTo(Intent.MY_NEXT);
        assertThat(q.project()).isEqualTo(project);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Best verified run this week                  | THIS_WEEK
            best run this week?                          | THIS_WEEK
            what's the best verified run this week       | THIS_WEEK
            top run last week                            | LAST_WEEK
            this week's best run                         | THIS_WEEK
            last week’s best verified runs               | LAST_WEEK
            best run across my projects this week        | THIS_WEEK
            best verified runs in my projects last week  | LAST_WEEK
            本周最佳实验                                   | THIS_WEEK
            这周最好的实验                                  | THIS_WEEK
            我的项目上周的最佳实验                            | LAST_WEEK
            """)
    void bestVerifiedRunOfAWeekAcrossTheAskersProjects(String text, Period period) {
        Question q = QuestionParser.parse(text);
        assertThat(q.intent()).as(text).isEqualTo(Intent.MY_BEST_RUN);
        assertThat(q.project()).isNull();
        assertThat(q.period()).isEqualTo(period);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            best verified run this week for acme         | acme      | THIS_WEEK
            Best run for #acme-nlp this week?            | #acme-nlp | THIS_WEEK
            what's the best run last week in acme        | acme      | LAST_WEEK
            acme's best verified run this week           | acme      | THIS_WEEK
            acme best run last week                      | acme      | LAST_WEEK
            acme 本周最佳实验                               | acme      | THIS_WEEK
            acme上周的最好的实验                             | acme      | LAST_WEEK
            """)
    void bestVerifiedRunOfAWeekInOneProject(String text, String project, Period period) {
        Question q = QuestionParser.parse(text);
        assertThat(q.intent()).as(text).isEqualTo(Intent.BEST_RUN);
        assertThat(q.project()).isEqualTo(project);
        assertThat(q.period()).isEqualTo(period);
    }

    @ParameterizedTest
    @ValueSource(strings = {"best run across my projects", "my best run", "我的项目最佳实验"})
    void bestRunAcrossTheAskersProjectsOfAllTime(String text) {
        Question q = QuestionParser.parse(text);
        assertThat(q.intent()).as(text).isEqualTo(Intent.MY_BEST_RUN);
        assertThat(q.period()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"best verified run", "best run", "最佳实验"})
    void aBareBestRunStillMeansTheChannelsProjectOfAllTime(String text) {
        Question q = QuestionParser.parse(text);
        assertThat(q.intent()).isEqualTo(Intent.BEST_RUN);
        assertThat(q.project()).isNull();
        assertThat(q.period()).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"what's blocking my projects and my life", "status of my projects", "status of me",
            "what did I say", "next", "what did I say I'd do next in it", "best run this month",
            "what did I say I'd do next in a very long project name that goes on"})
    void ownQuestionsItCannotReadAreDeclinedNotGuessed(String text) {
        assertThat(QuestionParser.parse(text).intent()).as(text).isEqualTo(Intent.UNCLEAR);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            what's blocking acme?          | BLOCKERS
            what did bob do this week      | PERSON_WORK
            best run for acme              | BEST_RUN
            acme 有什么阻碍                  | BLOCKERS
            """)
    void questionsAboutOthersAreNotReadAsTheAskersOwn(String text, Intent intent) {
        Question q = QuestionParser.parse(text);
        assertThat(q.intent()).isEqualTo(intent);
        assertThat(q.period()).isIn(null, Period.THIS_WEEK);
    }
}
