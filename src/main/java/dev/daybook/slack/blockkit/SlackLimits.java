package dev.daybook.slack.blockkit;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import java.util.ArrayList;
import java.util.List;

import com.google.gson.Gson;
import com.google.gson.JsonParseException;
import com.slack.api.app_backend.slash_commands.response.SlashCommandResponse;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.ContextBlock;
import com.slack.api.model.block.ContextBlockElement;
import com.slack.api.model.block.HeaderBlock;
import com.slack.api.model.block.InputBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.composition.ConfirmationDialogObject;
import com.slack.api.model.block.composition.MarkdownTextObject;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.block.composition.PlainTextObject;
import com.slack.api.model.block.composition.TextObject;
import com.slack.api.model.block.element.BlockElement;
import com.slack.api.model.block.element.ButtonElement;
import com.slack.api.model.block.element.CheckboxesElement;
import com.slack.api.model.block.element.PlainTextInputElement;
import com.slack.api.model.block.element.RadioButtonsElement;
import com.slack.api.model.block.element.StaticSelectElement;
import com.slack.api.model.view.View;
import com.slack.api.util.json.GsonFactory;

/**
 * Slack's limits for messages and views, and the one helper that makes Block Kit fit them. Builders cut
 * their own content where a cut can say what was left out ("…and 12 more"); this is the net under all
 * of them, applied to everything the bot sends ({@link dev.daybook.slack.client.SharedGsonMethodsClient}) and answers
 * ({@link dev.daybook.slack.transport.DaybookCommand}), so that Slack never refuses a message for its size.
 */
public final class SlackLimits {

    public static final int SECTION_TEXT = 3000;
    static final int FIELD_TEXT = 2000;
    static final int FIELDS = 10;
    static final int HEADER_TEXT = 150;
    static final int CONTEXT_ELEMENTS = 10;
    static final int CONTEXT_TEXT = 3000;
    static final int ACTIONS_ELEMENTS = 25;
    static final int BUTTON_TEXT = 75;
    static final int BUTTON_VALUE = 2000;
    static final int ACTION_ID = 255;
    static final int BLOCK_ID = 255;
    static final int CONFIRM_TITLE = 100;
    static final int CONFIRM_TEXT = 300;
    static final int CONFIRM_BUTTON = 30;
    static final int OPTIONS = 100;
    static final int OPTION_TEXT = 75;
    static final int OPTION_VALUE = 150;
    static final int INPUT_LABEL = 2000;
    static final int INPUT_HINT = 2000;
    static final int PLACEHOLDER = 150;
    static final int INITIAL_VALUE = 3000;
    static final int MESSAGE_BLOCKS = 50;
    static final int VIEW_BLOCKS = 100;
    static final int VIEW_TITLE = 24;
    /** Slack's limit for a message's {@code text}; past it, Slack answers {@code msg_too_long}. */
    public static final int MESSAGE_TEXT = 40_000;

    private static final Gson ANSWERS = GsonFactory.createSnakeCase();

    private SlackLimits() {
    }

    /** A slash command's immediate answer, its blocks and text fitted like a message's. */
    public static Response answer(Response response) {
        String body = response == null ? null : response.getBody();
        if (body == null || body.isBlank() || response.getContentType() == null
                || !response.getContentType().startsWith("application/json")) {
            return response;
        }
        try {
            SlashCommandResponse answer = ANSWERS.fromJson(body, SlashCommandResponse.class);
            if (answer == null) {
                return response;
            }
            answer.setBlocks(message(answer.getBlocks()));
            answer.setText(text(answer.getText()));
            response.setBody(ANSWERS.toJson(answer));
        } catch (JsonParseException notAnAnswer) {
            // not a message (an error answer of our own): nothing to fit
        }
        return response;
    }

    /** The blocks of a message, each fitted, and no more than 50 of them (the last says what is left out). */
    public static List<LayoutBlock> message(List<LayoutBlock> blocks) {
        return fit(blocks, MESSAGE_BLOCKS);
    }

    /** A modal or App Home view: its blocks (at most 100), title and buttons fitted. */
    public static View view(View view) {
        if (view == null) {
            return null;
        }
        if (view.getBlocks() != null) {
            view.setBlocks(fit(view.getBlocks(), VIEW_BLOCKS));
        }
        if (view.getTitle() != null) {
            view.getTitle().setText(cut(view.getTitle().getText(), VIEW_TITLE));
        }
        if (view.getSubmit() != null) {
            view.getSubmit().setText(cut(view.getSubmit().getText(), VIEW_TITLE));
        }
        if (view.getClose() != null) {
            view.getClose().setText(cut(view.getClose().getText(), VIEW_TITLE));
        }
        return view;
    }

    /** A message's {@code text}: cut to what Slack takes. */
    public static String text(String text) {
        return cut(text, MESSAGE_TEXT);
    }

    /**
     * Cuts text to {@code limit} characters, marking the cut with "…". The cut never splits a character
     * (a surrogate pair) or a {@code <…>} sequence, which would leave broken markup.
     */
    public static String cut(String text, int limit) {
        if (text == null || text.length() <= limit) {
            return text;
        }
        int end = limit - 1;
        if (Character.isLowSurrogate(text.charAt(end)) && end > 0) {
            end--;
        }
        int open = text.lastIndexOf('<', end - 1);
        if (open >= 0 && text.lastIndexOf('>', end - 1) < open) {
            end = open;
        }
        int amp = text.lastIndexOf('&', end - 1);
        if (amp >= 0 && end - amp <= 8 && text.indexOf(';', amp) >= end) {
            end = amp; // an entity like &amp; cut in half would show as text
        }
        return text.substring(0, end) + "…";
    }

    private static List<LayoutBlock> fit(List<LayoutBlock> blocks, int most) {
        if (blocks == null) {
            return null;
        }
        List<LayoutBlock> fitted = new ArrayList<>(blocks.size());
        for (LayoutBlock block : blocks) {
            LayoutBlock kept = fit(block);
            if (kept != null) {
                fitted.add(kept);
            }
        }
        if (fitted.size() <= most) {
            return fitted;
        }
        int left = fitted.size() - (most - 1);
        List<LayoutBlock> shown = new ArrayList<>(fitted.subList(0, most - 1));
        shown.add(context(c -> c.elements(List.of(markdownText("_…and " + left + " more "
                + (left == 1 ? "part" : "parts") + " not shown here._")))));
        return shown;
    }

    /** The block, fitted; null when nothing of it can be shown. */
    private static LayoutBlock fit(LayoutBlock block) {
        if (block instanceof SectionBlock section) {
            text(section.getText(), SECTION_TEXT);
            if (section.getFields() != null) {
                List<TextObject> fields = new ArrayList<>(section.getFields().subList(0,
                        Math.min(FIELDS, section.getFields().size())));
                fields.forEach(f -> text(f, FIELD_TEXT));
                section.setFields(fields);
            }
            if (section.getAccessory() != null && !fit(section.getAccessory())) {
                section.setAccessory(null);
            }
            section.setBlockId(id(section.getBlockId()));
            return section.getText() == null && (section.getFields() == null || section.getFields().isEmpty()) ? null : section;
        }
        if (block instanceof HeaderBlock header) {
            if (header.getText() != null) {
                header.getText().setText(cut(header.getText().getText(), HEADER_TEXT));
            }
            return header;
        }
        if (block instanceof ContextBlock context) {
            if (context.getElements() == null || context.getElements().isEmpty()) {
                return null;
            }
            List<ContextBlockElement> elements = new ArrayList<>(context.getElements().subList(0,
                    Math.min(CONTEXT_ELEMENTS, context.getElements().size())));
            elements.forEach(e -> {
                if (e instanceof TextObject t) {
                    text(t, CONTEXT_TEXT);
                }
            });
            context.setElements(elements);
            return context;
        }
        if (block instanceof ActionsBlock actions) {
            if (actions.getElements() == null) {
                return null;
            }
            List<BlockElement> elements = new ArrayList<>();
            for (BlockElement element : actions.getElements()) {
                if (elements.size() < ACTIONS_ELEMENTS && fit(element)) {
                    elements.add(element);
                }
            }
            actions.setElements(elements);
            actions.setBlockId(id(actions.getBlockId()));
            return elements.isEmpty() ? null : actions;
        }
        if (block instanceof InputBlock input) {
            plain(input.getLabel(), INPUT_LABEL);
            plain(input.getHint(), INPUT_HINT);
            if (input.getElement() != null) {
                fit(input.getElement());
            }
            return input;
        }
        return block;
    }

    /** Fits an interactive element; false when it cannot be sent at all (a value too long to cut). */
    private static boolean fit(BlockElement element) {
        if (element instanceof ButtonElement button) {
            plain(button.getText(), BUTTON_TEXT);
            confirm(button.getConfirm());
            // A button's value is data the bot reads back: cut, it would mean something else.
            return (button.getValue() == null || button.getValue().length() <= BUTTON_VALUE)
                    && (button.getActionId() == null || button.getActionId().length() <= ACTION_ID);
        }
        if (element instanceof PlainTextInputElement input) {
            plain(input.getPlaceholder(), PLACEHOLDER);
            input.setInitialValue(cut(input.getInitialValue(), Math.min(INITIAL_VALUE,
                    input.getMaxLength() == null ? INITIAL_VALUE : input.getMaxLength())));
            return true;
        }
        if (element instanceof StaticSelectElement select) {
            plain(select.getPlaceholder(), PLACEHOLDER);
            select.setOptions(options(select.getOptions()));
            return true;
        }
        if (element instanceof RadioButtonsElement radio) {
            radio.setOptions(options(radio.getOptions()));
            return true;
        }
        if (element instanceof CheckboxesElement boxes) {
            boxes.setOptions(options(boxes.getOptions()));
            return true;
        }
        return true;
    }

    private static List<OptionObject> options(List<OptionObject> options) {
        if (options == null) {
            return null;
        }
        List<OptionObject> kept = new ArrayList<>();
        for (OptionObject option : options) {
            if (kept.size() < OPTIONS && option.getValue() != null && option.getValue().length() <= OPTION_VALUE) {
                text(option.getText(), OPTION_TEXT);
                kept.add(option);
            }
        }
        return kept;
    }

    private static void confirm(ConfirmationDialogObject confirm) {
        if (confirm == null) {
            return;
        }
        plain(confirm.getTitle(), CONFIRM_TITLE);
        text(confirm.getText(), CONFIRM_TEXT);
        plain(confirm.getConfirm(), CONFIRM_BUTTON);
        plain(confirm.getDeny(), CONFIRM_BUTTON);
    }

    private static void text(TextObject text, int limit) {
        if (text instanceof MarkdownTextObject markdown) {
            markdown.setText(cut(markdown.getText(), limit));
        } else if (text instanceof PlainTextObject plain) {
            plain.setText(cut(plain.getText(), limit));
        }
    }

    private static void plain(PlainTextObject text, int limit) {
        if (text != null) {
            text.setText(cut(text.getText(), limit));
        }
    }

    private static String id(String id) {
        return id == null || id.length() <= BLOCK_ID ? id : id.substring(0, BLOCK_ID);
    }
}
