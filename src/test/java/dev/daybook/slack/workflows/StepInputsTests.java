package dev.daybook.slack.workflows;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import dev.daybook.projects.Category;
import dev.daybook.projects.Project;
import dev.daybook.projects.ShareMode;
import dev.daybook.status.ProjectStatus;

/** Reading what a workflow gave a step, and the status step's outputs: no Spring, no Slack. */
class StepInputsTests {

    private static final LocalDate TUESDAY = LocalDate.parse("2026-11-24");
    private static final Project ACME = new Project(7, "T1", "C1", "acme-nlp", "Acme", Category.CORE,
            ShareMode.CHANNEL, null, false);

    @Test
    void idsAreTakenOnlyWhenTheyLookLikeSlacksIds() {
        StepInputs inputs = new StepInputs(Map.of("user", " U0ADA ", "channel", "C0ACME", "who", "<@U0ADA>",
                "dm", "D0ADA", "text", "#general"));

        assertThat(inputs.user("user", "Person").value()).isEqualTo("U0ADA");
        assertThat(inputs.channel("channel", "Project channel").value()).isEqualTo("C0ACME");
        assertThat(inputs.user("who", "Person").problem()).contains("not a person");
        assertThat(inputs.channel("dm", "Project channel").problem()).contains("direct message");
        assertThat(inputs.channel("text", "Project channel").problem()).contains("not a channel");
        assertThat(inputs.channel("missing", "Project channel").problem()).contains("\"Project channel\" input is empty");
        assertThat(inputs.optionalUser("missing", "Asked by")).isEmpty();
        assertThat(inputs.optionalUser("who", "Asked by")).hasValueSatisfying(r -> assertThat(r.ok()).isFalse());
    }

    @Test
    void updateTextIsNeitherBlankNorOversized() {
        Map<String, String> values = new HashMap<>();
        values.put("blank", " \n ");
        values.put("limit", "x".repeat(StepInputs.MAX_UPDATE_TEXT));
        values.put("over", "x".repeat(StepInputs.MAX_UPDATE_TEXT + 1));
        StepInputs inputs = new StepInputs(values);

        assertThat(inputs.updateText("blank", "Update text").problem()).contains("empty");
        assertThat(inputs.updateText("limit", "Update text").ok()).isTrue();
        assertThat(inputs.updateText("over", "Update text").problem()).contains("at most " + StepInputs.MAX_UPDATE_TEXT);
        assertThat(new StepInputs(null).updateText("any", "Update text").ok()).isFalse();
    }

    @Test
    void executionIdsAreShortAndPlain() {
        assertThat(StepInputs.isExecutionId("Fx0123ABCdef")).isTrue();
        assertThat(StepInputs.isExecutionId("")).isFalse();
        assertThat(StepInputs.isExecutionId(null)).isFalse();
        assertThat(StepInputs.isExecutionId("Fx'; drop table")).isFalse();
        assertThat(StepInputs.isExecutionId("Fx" + "1".repeat(60))).isFalse();
    }

    @Test
    void theStatusSummaryCountsMembersBlockersAndTheQuiet() {
        ProjectStatus status = new ProjectStatus(ACME, Instant.parse("2026-11-24T17:00:00Z"), TUESDAY,
                List.of(new ProjectStatus.MemberUpdate("U1", "Ada Lovelace", TUESDAY, List.of("a", "b", "c", "d"),
                        List.of("e"), 1), new ProjectStatus.MemberUpdate("U2", "Alan Turing", TUESDAY.minusDays(1),
                        List.of("<!channel> labelled"), List.of(), 2)),
                List.of(new ProjectStatus.Blocker(1, "U1", "Ada Lovelace", "label guide", TUESDAY.minusDays(4), 4, 1L)),
                List.of(new ProjectStatus.Quiet("U3", "Grace Hopper", TUESDAY.minusDays(7), 5)), List.of(), List.of());

        assertThat(StatusOutputs.summary(status)).isEqualTo("#acme-nlp on Tue 24 Nov: 2 members have posted, the latest "
                + "for Tue 24 Nov; 1 open blocker, the oldest 4 days old; gone quiet: Grace Hopper.");
        String rich = StatusOutputs.richText(status).toString();
        assertThat(rich).startsWith("{\"type\":\"rich_text\"")
                .contains("Ada Lovelace (Tue 24 Nov): a; b; c (and 1 more). Next: e")
                .contains("label guide (Ada Lovelace, 4 days)")
                // Plain text elements: what people wrote is never a broadcast or a link in the workflow.
                .contains("labelled").doesNotContain("\"broadcast\"").doesNotContain("\"link\"");
    }

    @Test
    void anEmptyProjectSaysSo() {
        ProjectStatus empty = new ProjectStatus(ACME, Instant.parse("2026-11-24T17:00:00Z"), TUESDAY, List.of(),
                List.of(), List.of(), List.of(), List.of());

        assertThat(StatusOutputs.summary(empty)).isEqualTo("#acme-nlp on Tue 24 Nov: no updates yet; no open blockers.");
        assertThat(StatusOutputs.richText(empty).toString()).contains("No updates yet.").doesNotContain("Open blockers");
    }
}
