package dev.daybook.slack.updates;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.block.LayoutBlock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

import dev.daybook.slack.AuthorAsked;
import dev.daybook.slack.blockkit.SlackText;
import dev.daybook.slack.client.SlackRefused;
import dev.daybook.slack.delivery.OncePoster;
import dev.daybook.slack.transport.SlackListener;
import dev.daybook.updates.Recording;
import dev.daybook.updates.UpdatePrompt.Choice;
import dev.daybook.updates.UpdatePrompt;
import dev.daybook.updates.UpdateService;

/**
 * The questions Daybook asks before recording, and the author's answers: "Record this as your update
 * for Tue 1 Dec?" for a channel post that may not be one, and "add, replace or cancel?" for a post that
 * would drop what the day's update already holds. Shown only to the author; answered with buttons.
 */
@Component
class UpdateChoices implements SlackListener {

    static final String RECORD = "daybook_prompt_record";
    static final String NOT_AN_UPDATE = "daybook_prompt_not_update";
    static final String ADD = "daybook_prompt_add";
    static final String REPLACE = "daybook_prompt_replace";
    static final String CANCEL = "daybook_prompt_cancel";

    private static final Map<String, Choice> CHOICES = Map.of(RECORD, Choice.RECORD, NOT_AN_UPDATE,
            Choice.NOT_AN_UPDATE, ADD, Choice.ADD, REPLACE, Choice.REPLACE, CANCEL, Choice.CANCEL);
    private static final Logger log = LoggerFactory.getLogger(UpdateChoices.class);

    private final UpdateService updates;
    private final OncePoster deliveries;

    UpdateChoices(UpdateService updates, OncePoster deliveries) {
        this.updates = updates;
        this.deliveries = deliveries;
    }

    @Override
    public void register(App app) {
        CHOICES.keySet().forEach(action -> app.blockAction(action, this::answer));
    }

    /** Asks the author of a channel post, after the question is committed. */
    @ApplicationModuleListener(id = "slack.author-asked", propagation = Propagation.NOT_SUPPORTED)
    void on(AuthorAsked asked) {
        String text = asked.kind() == UpdatePrompt.Kind.CONFIRM ? confirmText(asked.day())
                : replaceText(asked.day(), asked.dayHolds());
        List<LayoutBlock> blocks = asked.kind() == UpdatePrompt.Kind.CONFIRM ? confirmBlocks(asked.promptId(), asked.day())
                : replaceBlocks(asked.promptId(), asked.day(), asked.dayHolds());
        try {
            deliveries.postEphemeralOnce(asked.teamId(), "ask:" + asked.promptId(), asked.channelId(), asked.userId(),
                    text, blocks);
        } catch (SlackRefused refused) {
            log.info("Slack: could not ask an author about their post ({}).", refused.error());
        }
    }

    Response answer(BlockActionRequest request, ActionContext ctx) {
        BlockActionPayload payload = request.getPayload();
        if (payload.getActions() == null || payload.getActions().isEmpty() || payload.getUser() == null) {
            return ctx.ack();
        }
        BlockActionPayload.Action action = payload.getActions().get(0);
        Choice choice = CHOICES.get(action.getActionId());
        Long promptId = promptId(action.getValue());
        if (choice == null || promptId == null) {
            return ctx.ack();
        }
        String reply;
        List<LayoutBlock> blocks = null;
        try {
            Recording recording = updates.answer(ctx.getTeamId(), promptId, payload.getUser().getId(), choice);
            if (recording.asked()) {
                UpdatePrompt next = recording.prompt();
                String holds = next.existing() == null ? null : Replies.counts(next.existing());
                reply = replaceText(next.day(), holds);
                blocks = replaceBlocks(next.id(), next.day(), holds);
            } else {
                reply = Replies.afterAnswer(recording, choice);
            }
        } catch (RuntimeException e) {
            log.error("Could not record an answer to a question about an update", e);
            reply = Replies.couldNotSave();
        }
        respond(ctx, reply, blocks);
        return ctx.ack();
    }

    private static void respond(ActionContext ctx, String text, List<LayoutBlock> blocks) {
        try {
            ctx.respond(r -> {
                r.responseType("ephemeral").replaceOriginal(true).text(text);
                return blocks == null ? r : r.blocks(blocks);
            });
        } catch (Exception e) {
            log.info("Slack: could not answer through response_url ({}).", e.toString());
        }
    }

    static String confirmText(LocalDate day) {
        return "Record this as your update for *" + SlackText.day(day) + "*?";
    }

    static List<LayoutBlock> confirmBlocks(long promptId, LocalDate day) {
        return List.of(
                section(s -> s.blockId("daybook_prompt").text(markdownText(":memo: " + confirmText(day)
                        + " It reads like one, but I would rather ask than file a message that was not meant as one."))),
                actions(a -> a.blockId("daybook_prompt_choice").elements(List.of(
                        button(b -> b.actionId(RECORD).style("primary").text(plainText("Record"))
                                .value(String.valueOf(promptId))),
                        button(b -> b.actionId(NOT_AN_UPDATE).text(plainText("Not an update"))
                                .value(String.valueOf(promptId)))))));
    }

    static String replaceText(LocalDate day, String dayHolds) {
        return "You already have an update for *" + SlackText.day(day) + "*"
                + (dayHolds == null ? "" : " (" + dayHolds + ")")
                + ", and this one would drop some of it. Add this to it, replace it, or leave it as it is?";
    }

    static List<LayoutBlock> replaceBlocks(long promptId, LocalDate day, String dayHolds) {
        return List.of(
                section(s -> s.blockId("daybook_prompt")
                        .text(markdownText(":twisted_rightwards_arrows: " + replaceText(day, dayHolds)))),
                actions(a -> a.blockId("daybook_prompt_choice").elements(List.of(
                        button(b -> b.actionId(ADD).style("primary").text(plainText("Add to it"))
                                .value(String.valueOf(promptId))),
                        button(b -> b.actionId(REPLACE).text(plainText("Replace it"))
                                .value(String.valueOf(promptId))),
                        button(b -> b.actionId(CANCEL).text(plainText("Cancel")).value(String.valueOf(promptId)))))));
    }

    private static Long promptId(String value) {
        if (value == null || value.isEmpty() || value.length() > 19 || !value.chars().allMatch(Character::isDigit)) {
            return null;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
