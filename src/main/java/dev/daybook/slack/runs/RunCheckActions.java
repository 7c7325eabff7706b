package dev.daybook.slack.runs;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import java.util.List;
import java.util.Map;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.view.View;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.daybook.runs.RunService;
import dev.daybook.runs.RunView;
import dev.daybook.slack.blockkit.FormValues;
import dev.daybook.slack.blockkit.SlackText;
import dev.daybook.slack.client.SlackCalls;
import dev.daybook.slack.transport.SlackListener;

/**
 * The Verify and Dispute buttons of a new best (in the channel, or in {@code /daybook runs}), and the
 * form that asks for a dispute's reason. A button carries the run and the round of its check, so a
 * button on a result that has changed since is refused instead of checking numbers nobody saw.
 */
@Component
class RunCheckActions implements SlackListener {

    static final String DISPUTE_FORM = "daybook_run_dispute_form";
    static final String REASON = "reason";
    private static final String OUT_OF_DATE = "This result has changed since that message: look at the newest check of the run "
            + "(or `/daybook runs`) and decide on what it shows now.";
    private static final Logger log = LoggerFactory.getLogger(RunCheckActions.class);

    private final RunService runs;
    private final SlackCalls slack;

    RunCheckActions(RunService runs, SlackCalls slack) {
        this.runs = runs;
        this.slack = slack;
    }

    @Override
    public void register(App app) {
        app.blockAction(RunChecks.VERIFY, this::verify);
        app.blockAction(RunChecks.DISPUTE, this::dispute);
        app.blockAction(RunChecks.COMPARABLE, this::comparable);
        app.viewSubmission(DISPUTE_FORM, this::submitDispute);
    }

    Response verify(BlockActionRequest request, ActionContext ctx) {
        BlockActionPayload payload = request.getPayload();
        Check check = check(payload);
        String userId = payload.getUser().getId();
        if (check == null) {
            return ctx.ack();
        }
        String answer = switch (runs.verify(ctx.getTeamId(), check.runId(), round(ctx.getTeamId(), check), userId)) {
            // the channel's message changes to say who verified it; a list shown only to you does not
            case DONE -> ephemeral(payload) ? "Verified. The channel's message says so now." : null;
            case OWN_RUN -> "You reported a number this run shows, so a teammate has to verify it: that is the point "
                    + "of a second pair of eyes.";
            case NOTHING_TO_CHECK -> "That run set no new best any more, so there is nothing to verify.";
            case OUT_OF_DATE -> OUT_OF_DATE;
            default -> "I cannot find that run any more.";
        };
        if (answer != null) {
            tell(ctx.getTeamId(), payload, answer);
        }
        return ctx.ack();
    }

    /** "Comparable": the run counts for the goals whose reference it was not measured on. */
    Response comparable(BlockActionRequest request, ActionContext ctx) {
        BlockActionPayload payload = request.getPayload();
        Check check = check(payload);
        if (check == null) {
            return ctx.ack();
        }
        String answer = switch (runs.confirmComparable(ctx.getTeamId(), check.runId(), payload.getUser().getId())) {
            case DONE -> ephemeral(payload) ? "Confirmed comparable: it counts for the project's goals now." : null;
            case OWN_RUN -> "You reported a number this run shows, so a teammate has to confirm it is comparable.";
            default -> "I cannot find that run any more.";
        };
        if (answer != null) {
            tell(ctx.getTeamId(), payload, answer);
        }
        return ctx.ack();
    }

    Response dispute(BlockActionRequest request, ActionContext ctx) {
        BlockActionPayload payload = request.getPayload();
        Check check = check(payload);
        if (check == null) {
            return ctx.ack();
        }
        long runId = check.runId();
        RunView run = runs.byId(ctx.getTeamId(), runId).orElse(null);
        if (run == null) {
            tell(ctx.getTeamId(), payload, "I cannot find that run any more.");
            return ctx.ack();
        }
        if (check.round() != null && check.round() != run.verificationRound()) {
            tell(ctx.getTeamId(), payload, OUT_OF_DATE);
            return ctx.ack();
        }
        String label = run.label();
        String metadata = runId + ":" + run.verificationRound();
        View form = view(v -> v.type("modal").callbackId(DISPUTE_FORM).privateMetadata(metadata)
                .title(viewTitle(t -> t.type("plain_text").text("Dispute a result")))
                .submit(viewSubmit(s -> s.type("plain_text").text("Dispute")))
                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                .blocks(List.of(
                        section(s -> s.text(markdownText("What makes you doubt *" + SlackText.escape(label) + "*?"))),
                        input(i -> i.blockId(REASON).label(plainText("Reason"))
                                .element(plainTextInput(p -> p.actionId(FormValues.VALUE).multiline(true).maxLength(2000)
                                        .placeholder(plainText("e.g. the test set overlaps the training data"))))))));
        try {
            slack.call(ctx.getTeamId(), "views.open", SlackCalls.Patience.NONE,
                    c -> c.viewsOpen(r -> r.triggerId(payload.getTriggerId()).view(form)));
        } catch (RuntimeException e) {
            log.info("Slack: could not open the dispute form ({}).", e.getMessage());
            tell(ctx.getTeamId(), payload, "Slack would not open the form just now; please press Dispute again.");
        }
        return ctx.ack();
    }

    Response submitDispute(ViewSubmissionRequest request, ViewSubmissionContext ctx) {
        View view = request.getPayload().getView();
        String reason = FormValues.of(view).text(REASON);
        Check check = Check.of(view.getPrivateMetadata());
        if (check == null) {
            return ctx.ackWithErrors(Map.of(REASON, "This form is out of date; press Dispute on the message again."));
        }
        String userId = request.getPayload().getUser().getId();
        return switch (runs.dispute(ctx.getTeamId(), check.runId(), round(ctx.getTeamId(), check), userId, reason)) {
            case DONE -> ctx.ack();
            case NO_REASON -> ctx.ackWithErrors(Map.of(REASON, "Say what makes you doubt the result, so the author can check it."));
            case OUT_OF_DATE -> ctx.ackWithErrors(Map.of(REASON, OUT_OF_DATE));
            case NOTHING_TO_CHECK -> ctx.ackWithErrors(Map.of(REASON, "That run set no new best any more, so there is nothing to dispute."));
            default -> ctx.ackWithErrors(Map.of(REASON, "I cannot find that run any more."));
        };
    }

    private void tell(String teamId, BlockActionPayload payload, String text) {
        String channel = payload.getContainer() != null && payload.getContainer().getChannelId() != null
                ? payload.getContainer().getChannelId()
                : payload.getChannel() == null ? null : payload.getChannel().getId();
        if (channel == null) {
            return;
        }
        try {
            slack.call(teamId, "chat.postEphemeral", SlackCalls.Patience.NONE,
                    c -> c.chatPostEphemeral(r -> r.channel(channel).user(payload.getUser().getId()).text(text)));
        } catch (RuntimeException e) {
            log.info("Slack: could not answer a run check button ({}).", e.getMessage());
        }
    }

    /** The round the person saw; for a form opened before rounds were kept, the check as it stands. */
    private int round(String teamId, Check check) {
        return check.round() != null ? check.round()
                : runs.byId(teamId, check.runId()).map(RunView::verificationRound).orElse(0);
    }

    private static boolean ephemeral(BlockActionPayload payload) {
        return payload.getContainer() != null && payload.getContainer().isEphemeral();
    }

    /** A button's value or a form's metadata: {@code <runId>:<round>}, or an older {@code <runId>}. */
    private record Check(long runId, Integer round) {

        static Check of(String value) {
            if (value == null || value.length() > 40 || !value.matches("\\d{1,18}(:\\d{1,9})?")) {
                return null;
            }
            int colon = value.indexOf(':');
            return colon < 0 ? new Check(Long.parseLong(value), null)
                    : new Check(Long.parseLong(value.substring(0, colon)), Integer.parseInt(value.substring(colon + 1)));
        }
    }

    private static Check check(BlockActionPayload payload) {
        if (payload.getActions() == null || payload.getActions().isEmpty()) {
            return null;
        }
        return Check.of(payload.getActions().get(0).getValue());
    }
}
