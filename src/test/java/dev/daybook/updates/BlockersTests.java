package dev.daybook.updates;

import dev.daybook.updates.blockers.BlockerTracking;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import dev.daybook.testkit.SlackAppTest;

/** Blockers open with the first update that lists them and close as the rule in BlockerTracking says. */
class BlockersTests extends SlackAppTest {

    private static final LocalDate MONDAY = LocalDate.parse("2026-11-23");

    @Autowired
    UpdateService updates;

    @Autowired
    Blockers blockers;

    private Recording post(String channel, String user, LocalDate day, String text) {
        return post(channel, user, day, text, null);
    }

    private Recording post(String channel, String user, LocalDate day, String text, String messageTs) {
        Instant at = Instant.parse(day + "T15:00:00Z");
        clock.set(at);
        // A post that revises the day's update replaces it, as its author would choose when asked.
        return updates.record(new RecordUpdate(slackRequests.team(), channel, "proj-" + channel.toLowerCase(), user,
                text, messageTs == null ? UpdateSource.SLASH_COMMAND : UpdateSource.MESSAGE, at, messageTs, null,
                RecordUpdate.Intent.REPLACE));
    }

    private List<String> open(Recording any, LocalDate asOf) {
        return blockers.openAtEndOf(slackRequests.team(), any.project().id(), asOf).stream()
                .map(OpenBlocker::text).toList();
    }

    @Test
    void aBlockerStaysOpenAcrossUpdatesWithoutABlockersSectionAndAgesFromItsFirstReport() {
        String channel = newChannel();
        String ada = newUser();
        Recording first = post(channel, ada, MONDAY, "Update: cleaned data Blockers: need the label guide");
        post(channel, ada, MONDAY.plusDays(1), "Update: trained a baseline Next: tune it");
        post(channel, ada, MONDAY.plusDays(2), "Update: tuned it; Blockers: Need the label guide.");

        clock.set(Instant.parse(MONDAY.plusDays(3) + "T15:00:00Z"));
        List<OpenBlocker> found = blockers.openBlockers(slackRequests.team(), first.project().id());
        assertThat(found).singleElement().satisfies(b -> {
            assertThat(b.userId()).isEqualTo(ada);
            assertThat(b.firstReported()).isEqualTo(MONDAY);
            assertThat(b.ageDays()).isEqualTo(3);
            assertThat(b.text()).isEqualTo("Need the label guide.");
        });
        assertThat(open(first, MONDAY.minusDays(1))).as("not yet reported then").isEmpty();
    }

    @Test
    void aLaterBlockersSectionWithoutItOrSayingNoneResolvesIt() {
        String channel = newChannel();
        String ada = newUser();
        Recording first = post(channel, ada, MONDAY, "Update: a Blockers: label guide; GPU quota");
        post(channel, ada, MONDAY.plusDays(1), "Update: b Blockers: GPU quota");
        assertThat(open(first, MONDAY.plusDays(1))).containsExactly("GPU quota");
        assertThat(open(first, MONDAY)).as("as it stood on Monday").containsExactly("label guide", "GPU quota");

        post(channel, ada, MONDAY.plusDays(2), "Update: c Blockers: none");
        assertThat(open(first, MONDAY.plusDays(2))).isEmpty();
        assertThat(open(first, MONDAY.plusDays(1))).containsExactly("GPU quota");
    }

    @Test
    void chineseNoneResolvesToo() {
        String channel = newChannel();
        String ada = newUser();
        Recording first = post(channel, ada, MONDAY, "更新: 清洗数据 阻碍: 需要标注指南");
        assertThat(open(first, MONDAY)).containsExactly("需要标注指南");
        post(channel, ada, MONDAY.plusDays(1), "更新: 训练模型 阻碍: 无");
        assertThat(open(first, MONDAY.plusDays(1))).isEmpty();
    }

    @Test
    void anUnblockedItemResolvesTheBlockerItNames() {
        String channel = newChannel();
        String ada = newUser();
        Recording first = post(channel, ada, MONDAY, "Update: a Blockers: need the client's label guide; GPU quota");
        post(channel, ada, MONDAY.plusDays(1), "Update: unblocked: label guide; trained Next: more");
        assertThat(open(first, MONDAY.plusDays(1))).containsExactly("GPU quota");
        post(channel, ada, MONDAY.plusDays(2), "Update: resolved: it");
        assertThat(open(first, MONDAY.plusDays(2))).as("too vague to name one").containsExactly("GPU quota");
    }

    @Test
    void anotherAuthorsUpdateOrAnotherProjectDoesNotResolveIt() {
        String channel = newChannel();
        String otherChannel = newChannel();
        String ada = newUser();
        String bob = newUser();
        Recording first = post(channel, ada, MONDAY, "Update: a Blockers: label guide");
        post(channel, bob, MONDAY.plusDays(1), "Update: b Blockers: none");
        post(otherChannel, ada, MONDAY.plusDays(1), "Update: c Blockers: none; unblocked: label guide");
        assertThat(open(first, MONDAY.plusDays(1))).containsExactly("label guide");
    }

    @Test
    void revisingTheUpdateThatResolvedItOpensItAgain() {
        String channel = newChannel();
        String ada = newUser();
        Recording first = post(channel, ada, MONDAY, "Update: a Blockers: label guide");
        post(channel, ada, MONDAY.plusDays(1), "Update: b Blockers: none");
        assertThat(open(first, MONDAY.plusDays(1))).isEmpty();

        post(channel, ada, MONDAY.plusDays(1), "Update: b, revised without a blockers section");
        assertThat(open(first, MONDAY.plusDays(1))).containsExactly("label guide");
    }

    @Test
    void revisingAnUpdateToDropTheOnlyReportRemovesTheBlocker() {
        String channel = newChannel();
        String ada = newUser();
        Recording first = post(channel, ada, MONDAY, "Update: a Blockers: lable guide");
        post(channel, ada, MONDAY, "Update: a Blockers: label guide");
        assertThat(open(first, MONDAY)).containsExactly("label guide");
        assertThat(blockers.openBlockersOf(slackRequests.team(), ada)).hasSize(1);
    }

    @Test
    void deletingTheMessagesUndoesWhatTheyDid() {
        String channel = newChannel();
        String ada = newUser();
        Recording first = post(channel, ada, MONDAY, "Update:\n- a\nBlockers:\n- label guide", "1700000001.000100");
        post(channel, ada, MONDAY.plusDays(1), "Update:\n- b\nBlockers:\n- none", "1700000002.000100");
        assertThat(open(first, MONDAY.plusDays(1))).isEmpty();

        updates.deleteMessage(slackRequests.team(), channel, "1700000002.000100");
        assertThat(open(first, MONDAY.plusDays(1))).containsExactly("label guide");

        updates.deleteMessage(slackRequests.team(), channel, "1700000001.000100");
        assertThat(open(first, MONDAY.plusDays(1))).isEmpty();
        assertThat(blockers.openBlockersOf(slackRequests.team(), ada)).isEmpty();
    }

    @Test
    void onlyItsAuthorMarksItResolvedAndAReportOnALaterDayOpensItAgain() {
        String channel = newChannel();
        String ada = newUser();
        String bob = newUser();
        Recording first = post(channel, ada, MONDAY, "Update: a Blockers: label guide");
        long id = blockers.openBlockers(slackRequests.team(), first.project().id()).get(0).id();

        assertThat(blockers.resolve(slackRequests.team(), id, bob)).isEqualTo(BlockerResolution.NOT_YOURS);
        assertThat(blockers.resolve("T0OTHER", id, ada)).isEqualTo(BlockerResolution.NOT_FOUND);
        assertThat(open(first, MONDAY)).containsExactly("label guide");

        assertThat(blockers.resolve(slackRequests.team(), id, ada)).isEqualTo(BlockerResolution.RESOLVED);
        assertThat(blockers.resolve(slackRequests.team(), id, ada)).isEqualTo(BlockerResolution.ALREADY_RESOLVED);
        assertThat(open(first, MONDAY)).isEmpty();

        post(channel, ada, MONDAY, "Update: a, revised Blockers: label guide");
        assertThat(open(first, MONDAY)).as("the same day's revision keeps it resolved").isEmpty();

        post(channel, ada, MONDAY.plusDays(2), "Update: c Blockers: label guide");
        List<OpenBlocker> again = blockers.openBlockers(slackRequests.team(), first.project().id());
        assertThat(again).singleElement().satisfies(b -> {
            assertThat(b.id()).isEqualTo(id);
            assertThat(b.firstReported()).isEqualTo(MONDAY);
        });
    }

    @Test
    void aWorkspaceSeesOnlyItsOwnBlockers() {
        String channel = newChannel();
        String ada = newUser();
        Recording first = post(channel, ada, MONDAY, "Update: a Blockers: label guide");
        assertThat(blockers.openBlockers("T0OTHER", first.project().id())).isEmpty();
        assertThat(blockers.openBlockersOf("T0OTHER", ada)).isEmpty();
    }
}
