package dev.daybook.slack.runs;

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
import com.slack.api.model.block.element.BlockElement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

import dev.daybook.goals.GoalService;
import dev.daybook.goals.GoalView;
import dev.daybook.projects.Project;
import dev.daybook.runs.BestComparison;
import dev.daybook.projects.ProjectDirectory;
import dev.daybook.runs.RunNeedsVerification;
import dev.daybook.runs.RunService;
import dev.daybook.runs.RunVerificationChanged;
import dev.daybook.runs.RunView;
import dev.daybook.runs.RunWithdrawn;
import dev.daybook.runs.Verification;
import dev.daybook.slack.blockkit.SlackLimits;
import dev.daybook.slack.blockkit.SlackText;
import dev.daybook.slack.client.SlackCalls;
import dev.daybook.slack.client.SlackRefused;
import dev.daybook.slack.delivery.OncePoster;

/**
 * The sceptic's check in the channel: a new best is announced once per round with Verify and Dispute
 * buttons. When someone verifies or disputes it, the message says so and keeps the button that still
 * applies, since the last word stands: a verified run can still be disputed, a disputed one verified,
 * by another teammate. A round whose result changed says so; a withdrawn run's messages go.
 *
 * <p>When Slack refuses the message's blocks, the check still reaches the channel as plain text that
 * points to {@code /daybook runs}, where the buttons are.
 */
@Component
class RunChecks {

    static final String VERIFY = "daybook_run_verify";
    static final String DISPUTE = "daybook_run_dispute";
    static final String COMPARABLE = "daybook_run_comparable";
    private static final Logger log = LoggerFactory.getLogger(RunChecks.class);

    private final RunService runs;
    private final ProjectDirectory projects;
    private final OncePoster deliveries;
    private final SlackCalls slack;
    private final GoalService goals;

    RunChecks(RunService runs, ProjectDirectory projects, OncePoster deliveries, SlackCalls slack, GoalService goals) {
        this.goals = goals;
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
        String key = key(event.runId(), event.round());
        String channel = project.get().channelId();
        try {
            deliveries.postOnce(event.teamId(), key, channel, null, 1,
                    m -> m.text(summary(run.get())).blocks(blocks(run.get(), event.round(), comparison(run.get()))).unfurlLinks(false).unfurlMedia(false));
        } catch (SlackRefused refused) {
            if (!refused.aboutContent()) {
                log.warn("Slack: could not announce a new best in {} ({}); nobody was asked to verify it.",
                        channel, refused.error());
                return;
            }
            try {
                deliveries.postOnce(event.teamId(), key, channel, null, 1,
                        m -> m.text(plainCheck(run.get(), comparison(run.get()))).unfurlLinks(false).unfurlMedia(false));
                log.warn("Slack: refused the new-best message in {} ({}); posted it as plain text.", channel, refused.error());
            } catch (SlackRefused again) {
                log.warn("Slack: could not announce a new best in {} ({}, then {}); nobody was asked to verify it.",
                        channel, refused.error(), again.error());
            }
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
                        .channel(posted.channelId()).ts(posted.ts()).text(summary(run.get()))
                        .blocks(blocks(run.get(), event.round(), comparison(run.get())))));
            } catch (SlackRefused refused) {
                if (!refused.aboutContent()) {
                    log.warn("Slack: could not update a run check ({}).", refused.error());
                    return;
                }
                try {
                    slack.call(event.teamId(), "chat.update", SlackCalls.Patience.WAIT, c -> c.chatUpdate(r -> r
                            .channel(posted.channelId()).ts(posted.ts()).text(plainCheck(run.get(), event.round() == run.get().verificationRound()
                                    ? comparison(run.get()) : Comparison.NONE)).blocks(List.of())));
                } catch (SlackRefused again) {
                    log.warn("Slack: could not update a run check ({}, then {}).", refused.error(), again.error());
                }
            }
        });
    }

    @ApplicationModuleListener(id = "slack.run-withdrawn", propagation = Propagation.NOT_SUPPORTED)
    void on(RunWithdrawn event) {
        for (int round = 1; round <= event.lastRound(); round++) {
            deliveries.delete(event.teamId(), key(event.runId(), round));
        }
    }

    /** How the run compares with the previous best, and the goals it does not count for yet. */
    Comparison comparison(RunView run) {
        return new Comparison(runs.comparedWithPreviousBest(run.teamId(), run.id()).orElse(null),
                goals.awaitingComparability(run.teamId(), run.projectId(), run));
    }

    /** What the check says beside the numbers: what differs from the previous best, goals waiting on a confirmation. */
    record Comparison(BestComparison previous, List<GoalView> awaiting) {

        static final Comparison NONE = new Comparison(null, List.of());

        Comparison {
            awaiting = List.copyOf(awaiting);
        }
    }

    /** "Against the previous best `exp-1` (auc 0.91): dataset invoices v3 → v4; seed 7: 1 run only", or null. */
    static String comparisonLine(BestComparison compared) {
        if (compared == null) {
            return null;
        }
        String differences = String.join("; ", compared.differences());
        if (compared.previous() == null) {
            return "The first result for " + SlackText.escape(compared.metric())
                    + (differences.isEmpty() ? "." : ": " + SlackText.escape(differences) + ".");
        }
        RunView previous = compared.previous();
        String against = "Against the previous best " + RunText.name(previous)
                + previous.metric(compared.metric()).map(v -> " (" + SlackText.escape(compared.metric()) + " "
                        + RunText.number(v) + ")").orElse("");
        return differences.isEmpty() ? against + ": measured the same way."
                : against + ": " + SlackText.escape(differences) + ".";
    }

    /** "Goal #precision is measured on invoices@v4 / test; this run: invoices v3 / val. It counts once ...", or null. */
    static String goalLine(RunView run, List<GoalView> awaiting) {
        if (awaiting.isEmpty()) {
            return null;
        }
        String named = awaiting.stream().limit(3)
                .map(g -> "#" + g.slug() + " (" + SlackText.escape(g.referenceLabel()) + ")")
                .collect(java.util.stream.Collectors.joining(", "));
        String measured = run.measured().datasetLabel() == null && run.measured().split() == null ? "does not say what it was measured on"
                : "was measured on " + SlackText.escape(java.util.stream.Stream.of(run.measured().datasetLabel(), run.measured().split())
                        .filter(java.util.Objects::nonNull).collect(java.util.stream.Collectors.joining(" / ")));
        return ":straight_ruler: This run " + measured + ", not on the reference of " + named
                + (awaiting.size() > 3 ? " and " + (awaiting.size() - 3) + " more goals" : "")
                + ": it counts for " + (awaiting.size() == 1 ? "that goal" : "those goals")
                + " once a teammate confirms it is comparable.";
    }

    /** The message's text, shown in notifications. */
    static String summary(RunView run) {
        return SlackLimits.cut("New best: " + SlackText.escape(run.label()), 200)
                + (RunText.open(run) ? ". Can a teammate verify it?" : " (" + run.verification().label() + ")");
    }

    /** The check without blocks, for when Slack refuses them: it still says what to check, and where. */
    static String plainCheck(RunView run, Comparison comparison) {
        String compared = comparisonLine(comparison.previous());
        String goalNote = goalLine(run, comparison.awaiting());
        return SlackLimits.cut(":trophy: New best from " + RunText.reporters(run) + ": " + RunText.line(run), 2500)
                + (compared == null ? "" : "\n" + SlackLimits.cut(compared, 500))
                + (goalNote == null ? "" : "\n" + SlackLimits.cut(goalNote, 500))
                + "\nVerify or dispute it with `/daybook runs` in this channel.";
    }

    /** The message of round {@code round} of the run's check, as the run stands now. */
    static List<LayoutBlock> blocks(RunView run, int round, Comparison comparison) {
        List<LayoutBlock> blocks = new ArrayList<>();
        String line = ":trophy: *New best* from " + RunText.reporters(run) + ": " + RunText.line(run);
        blocks.add(section(s -> s.text(markdownText(SlackLimits.cut(line, SlackLimits.SECTION_TEXT)))));
        String compared = round == run.verificationRound() ? comparisonLine(comparison.previous()) : null;
        if (compared != null) {
            blocks.add(context(c -> c.elements(List.of(markdownText(SlackLimits.cut(compared, 3000))))));
        }
        String goalNote = round == run.verificationRound() ? goalLine(run, comparison.awaiting()) : null;
        if (goalNote != null) {
            blocks.add(context(c -> c.elements(List.of(markdownText(SlackLimits.cut(goalNote, 3000))))));
        }
        if (round != run.verificationRound()) {
            blocks.add(context(c -> c.elements(List.of(markdownText(
                    "This result has changed since; the newer check is further down the channel.")))));
            return blocks;
        }
        String note = switch (run.verification()) {
            case UNVERIFIED -> "Be your own biggest sceptic: a teammate who did not report these numbers checks "
                    + "them before they count for the client's goals.";
            case VERIFIED -> "Another teammate can still dispute it: the last word stands.";
            case DISPUTED -> "Another teammate can still verify it: the last word stands.";
            case NOT_NEEDED -> "It no longer sets a new best, so there is nothing to check.";
        };
        blocks.add(context(c -> c.elements(List.of(markdownText(note)))));
        List<BlockElement> buttons = new ArrayList<>(buttons(run));
        if (goalNote != null) {
            buttons.add(button(b -> b.actionId(COMPARABLE).text(plainText("Comparable"))
                    .value(run.id() + ":" + run.verificationRound())));
        }
        if (!buttons.isEmpty()) {
            blocks.add(actions(a -> a.blockId("run_check").elements(buttons)));
        }
        return blocks;
    }

    /** The buttons that still apply to the run's check: Verify unless verified, Dispute unless disputed. */
    static List<BlockElement> buttons(RunView run) {
        if (!RunText.checkable(run)) {
            return List.of();
        }
        String value = run.id() + ":" + run.verificationRound();
        List<BlockElement> buttons = new ArrayList<>();
        if (run.verification() != Verification.VERIFIED) {
            buttons.add(button(b -> b.actionId(VERIFY).text(plainText("Verify")).style("primary").value(value)));
        }
        if (run.verification() != Verification.DISPUTED) {
            buttons.add(button(b -> b.actionId(DISPUTE).text(plainText("Dispute")).style("danger").value(value)));
        }
        return buttons;
    }
}
