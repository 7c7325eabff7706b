package dev.daybook.slack;

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

/** The Verify and Dispute buttons of a new best, and the form that asks for a dispute's reason. */
@Component
class RunCheckActions implements SlackListener {

    static final String DISPUTE_FORM = "daybook_run_dispute_form";
    static final String REASON = "reason";
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
        app.viewSubmission(DISPUTE_FORM, this::submitDispute);
    }

    Response verify(BlockActionRequest request, ActionContext ctx) {
        BlockActionPayload payload = request.getPayload();
        Long runId = runId(payload);
        String userId = payload.getUser().getId();
        if (runId == null) {
            return ctx.ack();
        }
        String answer = switch (runs.verify(ctx.getTeamId(), runId, userId)) {
            case DONE -> null; // the message itself changes to say who verified it
            case OWN_RUN -> "You reported this run, so a teammate has to verify it: that is the point of a second pair of eyes.";
            case NOTHING_TO_CHECK -> "That run set no new best any more, so there is nothing to verify.";
            default -> "I cannot find that run any more.";
        };
        if (answer != null) {
            tell(ctx.getTeamId(), payload, answer);
        }
        return ctx.ack();
    }

    Response dispute(BlockActionRequest request, ActionContext ctx) {
        BlockActionPayload payload = request.getPayload();
        Long runId = runId(payload);
        if (runId == null) {
            return ctx.ack();
        }
        String label = runs.byId(ctx.getTeamId(), runId).map(RunView::label).orElse(null);
        if (label == null) {
            tell(ctx.getTeamId(), payload, "I cannot find that run any more.");
            return ctx.ack();
        }
        View form = view(v -> v.type("modal").callbackId(DISPUTE_FORM).privateMetadata(Long.toString(runId))
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
        long runId;
        try {
            runId = Long.parseLong(view.getPrivateMetadata());
        } catch (NumberFormatException | NullPointerException e) {
            return ctx.ackWithErrors(Map.of(REASON, "This form is out of date; press Dispute on the message again."));
        }
        return switch (runs.dispute(ctx.getTeamId(), runId, request.getPayload().getUser().getId(), reason)) {
            case DONE -> ctx.ack();
            case NO_REASON -> ctx.ackWithErrors(Map.of(REASON, "Say what makes you doubt the result, so the author can check it."));
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

    /** The run id from the button's value {@code <runId>:<round>}; null when it is not one. */
    private static Long runId(BlockActionPayload payload) {
        if (payload.getActions() == null || payload.getActions().isEmpty() || payload.getActions().get(0).getValue() == null) {
            return null;
        }
        String value = payload.getActions().get(0).getValue();
        int colon = value.indexOf(':');
        try {
            return Long.parseLong(colon < 0 ? value : value.substring(0, colon));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
