package dev.daybook.slack;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import com.slack.api.model.block.LayoutBlock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

import dev.daybook.projects.Project;
import dev.daybook.projects.ProjectDirectory;
import dev.daybook.runs.RunNeedsVerification;
import dev.daybook.runs.RunService;
import dev.daybook.runs.RunVerificationChanged;
import dev.daybook.runs.RunView;

/**
 * The sceptic's check in the channel: a new best is announced once per round with Verify and Dispute
 * buttons; when someone verifies or disputes it, the message says so and loses its buttons.
 */
@Component
class RunChecks {

    static final String VERIFY = "daybook_run_verify";
    static final String DISPUTE = "daybook_run_dispute";
    private static final Logger log = LoggerFactory.getLogger(RunChecks.class);

    private final RunService runs;
    private final ProjectDirectory projects;
    private final Deliveries deliveries;
    private final SlackCalls slack;

    RunChecks(RunService runs, ProjectDirectory projects, Deliveries deliveries, SlackCalls slack) {
        this.runs = runs;
        this.projects = projects;
        this.deliveries = deliveries;
        this.slack = slack;
    }

    static String key(long runId, int round) {
        return "run-check:" + runId + ":" + round;
    }

    @ApplicationModuleListener(id = "slack.run-check", propagation = Propagation.NOT_SUPPORTED)
    void on(RunNeedsVerification event) {
        Optional<RunView> run = runs.byId(event.teamId(), event.runId());
        Optional<Project> project = projects.byId(event.projectId());
        if (run.isEmpty() || project.isEmpty() || run.get().verificationRound() != event.round()) {
            return; // gone, or a later round has its own message
        }
        try {
            deliveries.postOnce(event.teamId(), key(event.runId(), event.round()), project.get().channelId(), null, 1,
                    m -> m.text(summary(run.get())).blocks(blocks(run.get())).unfurlLinks(false).unfurlMedia(false));
        } catch (SlackRefused refused) {
            log.info("Slack: could not announce a new best in {} ({}).", project.get().channelId(), refused.error());
        }
    }

    @ApplicationModuleListener(id = "slack.run-checked", propagation = Propagation.NOT_SUPPORTED)
    void on(RunVerificationChanged event) {
        Optional<RunView> run = runs.byId(event.teamId(), event.runId());
        if (run.isEmpty()) {
            return;
        }
        deliveries.find(event.teamId(), key(event.runId(), event.round())).ifPresent(posted -> {
            try {
                slack.call(event.teamId(), "chat.update", SlackCalls.Patience.WAIT, c -> c.chatUpdate(r -> r
                        .channel(posted.channelId()).ts(posted.ts()).text(summary(run.get())).blocks(blocks(run.get()))));
            } catch (SlackRefused refused) {
                log.info("Slack: could not update a run check ({}).", refused.error());
            }
        });
    }

    static String summary(RunView run) {
        return "New best: " + run.label() + (RunText.open(run) ? ". Can a teammate verify it?" : " (" + run.verification().label() + ")");
    }

    static List<LayoutBlock> blocks(RunView run) {
        List<LayoutBlock> blocks = new ArrayList<>();
        String who = run.reportedBy() == null ? "a training script" : "<@" + run.reportedBy() + ">";
        blocks.add(section(s -> s.text(markdownText(":trophy: *New best* from " + who + ": " + RunText.line(run)))));
        if (RunText.open(run)) {
            blocks.add(context(c -> c.elements(List.of(markdownText(
                    "Be your own biggest sceptic: a teammate (not the author) checks the result before it counts for the client's goals.")))));
            String value = run.id() + ":" + run.verificationRound();
            blocks.add(actions(a -> a.blockId("run_check").elements(List.of(
                    button(b -> b.actionId(VERIFY).text(plainText("Verify")).style("primary").value(value)),
                    button(b -> b.actionId(DISPUTE).text(plainText("Dispute")).style("danger").value(value))))));
        }
        return blocks;
    }
}
