package dev.daybook.slack.timesheets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

import com.google.gson.JsonParser;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import dev.daybook.testkit.FakeSlack;
import dev.daybook.testkit.SlackAppTest;
import dev.daybook.testkit.SlackRequests.Answer;
import dev.daybook.timesheets.TimesheetCsv;

/** {@code /daybook timesheet}: a lead gets the hours of their projects as a CSV file in a DM. */
class TimesheetCommandTests extends SlackAppTest {

    private String lead;
    private String member;
    private String channel;
    private String name;

    @BeforeEach
    void aProjectWithHours() {
        lead = newUser();
        member = newUser();
        slack.user(lead, "Lena", "UTC").user(member, "Max", "UTC");
        channel = newChannel();
        name = "tsc-" + channel.toLowerCase();
        clock.set(Instant.parse("2026-11-24T16:00:00Z"));
        // The first to post in a channel creates the project, and leads it.
        command("/update", "Update:\n- cleaned the invoices [core] [2h]\n- a moonshot [moonshot] [1h]\nNext:\n- more", lead);
        command("/update", "Update:\n- looked at the data\nNext:\n- more", member);
    }

    @Test
    void aLeadGetsTheTimesheetAsACsvFileInADirectMessage() {
        Answer answer = command("/daybook", "timesheet 2026-11-23 2026-11-27", lead);

        assertThat(answer.text()).contains("I'm sending the timesheet of").contains(name).contains("CSV file");
        FakeSlack.Call complete = slack.awaitCalls("files.completeUploadExternal",
                c -> FakeSlack.dm(lead).equals(c.param("channel_id")), 1).get(0);
        String fileId = JsonParser.parseString(complete.param("files")).getAsJsonArray().get(0).getAsJsonObject()
                .get("id").getAsString();
        String csv = new String(slack.uploaded(fileId).orElseThrow(), StandardCharsets.UTF_8);
        assertThat(csv).startsWith(TimesheetCsv.HEADER + "\r\n")
                .contains("2026-11-24," + name + ",," + lead + ",Lena,core,2,1,0,")
                .contains("2026-11-24," + name + ",," + lead + ",Lena,moonshot,1,1,0,")
                .contains("2026-11-24," + name + ",," + member + ",Max,core,,1,1,no hours given");
        assertThat(complete.param("initial_comment")).contains("3 h written").contains("No client: 3 h, 67% core / 0% adjacent / 33% moonshot")
                .contains("target 70/20/10").contains("1 update without hours");
    }

    @Test
    void aMemberWhoDoesNotLeadIsToldWhoToAsk() {
        Answer answer = command("/daybook", "timesheet 2026-11-23 2026-11-27", member);

        assertThat(answer.text()).contains("Only the leads of").contains("get its timesheet").contains(lead);
        awaitWorkDone(member);
        assertThat(slack.calls("files.completeUploadExternal", c -> FakeSlack.dm(member).equals(c.param("channel_id"))))
                .isEmpty();
    }

    @Test
    void badRangesAreRefusedWithWhatToChange() {
        assertThat(command("/daybook", "timesheet 2026-01-01 2027-02-04", lead).text())
                .contains("at most 366 days").contains("is 400");
        assertThat(command("/daybook", "timesheet 2026-11-30 2026-11-01", lead).text()).contains("swap them");
        assertThat(command("/daybook", "timesheet yesterday today", lead).text()).contains("like 2026-11-23");
        assertThat(command("/daybook", "timesheet <!channel> 2026-11-01", lead).text()).doesNotContain("<!channel>");
        assertThat(command("/daybook", "timesheet", lead).text()).contains("Say which days");
        assertThat(command("/daybook", "timesheet 2026-11-01 2026-11-30 no-such-project-anywhere-" + channel, lead).text())
                .contains("I don't know a project or client called");
        assertThat(command("/daybook", "timesheet 2026-11-01 2026-11-30 " + "x".repeat(300), lead).text())
                .contains("too long");
        awaitWorkDone(lead);
        assertThat(slack.calls("files.completeUploadExternal", c -> FakeSlack.dm(lead).equals(c.param("channel_id"))))
                .isEmpty();
    }

    @Test
    void helpListsIt() {
        assertThat(command("/daybook", "help", lead).body()).contains("/daybook timesheet");
    }

    private Answer command(String command, String text, String user) {
        return slackRequests.command(command, text, channel, name, user);
    }
}
