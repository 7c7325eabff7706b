package dev.daybook.slack.canvas;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.staticSelect;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import org.springframework.stereotype.Component;

import dev.daybook.canvas.CanvasState;
import dev.daybook.canvas.Canvases;
import dev.daybook.projects.Project;
import dev.daybook.slack.blockkit.FormValues;
import dev.daybook.slack.blockkit.SlackText;
import dev.daybook.slack.settings.ProjectSettingsSection;

/**
 * The status canvas's part of {@code /daybook settings}: keep it or not, and what Daybook has to say
 * about it (the workspace's plan has no channel canvases; it was switched off, and why).
 */
@Component
class CanvasSettingsSection implements ProjectSettingsSection {

    static final String KEEP = "canvas_keep";
    static final String ON = "on";
    static final String OFF = "off";

    private final Canvases canvases;

    CanvasSettingsSection(Canvases canvases) {
        this.canvases = canvases;
    }

    @Override
    public int order() {
        return 250;
    }

    @Override
    public List<LayoutBlock> blocks(Project project) {
        if (!canvases.enabled()) {
            return List.of();
        }
        CanvasState state = canvases.state(project.teamId(), project.id());
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(s -> s.blockId("canvas_about").text(markdownText(
                "*Project status canvas*: the channel's canvas, kept current after each update: latest Update and "
                        + "Next per member, open blockers, goals, this week's runs, the 70/20/10 split and a link to "
                        + "the weekly summary. `/daybook canvas` rebuilds it."))));
        if (state.unavailable() != null) {
            blocks.add(context(c -> c.blockId("canvas_unavailable").elements(List.of(markdownText(
                    ":information_source: This workspace's Slack plan has no channel canvases (Slack said `"
                            + SlackText.escape(state.unavailable()) + "`), so Daybook keeps none; everything else "
                            + "works as before. After an upgrade, `/daybook canvas` tries again.")))));
        }
        if (state.note() != null) {
            blocks.add(context(c -> c.blockId("canvas_note").elements(List.of(markdownText(
                    ":warning: " + SlackText.escape(state.note()))))));
        }
        OptionObject initial = state.enabled() ? keepOption() : offOption();
        blocks.add(input(i -> i.blockId(KEEP).label(plainText("Status canvas"))
                .element(staticSelect(s -> s.actionId(FormValues.VALUE).options(List.of(keepOption(), offOption()))
                        .initialOption(initial)))));
        return blocks;
    }

    @Override
    public Map<String, String> check(Project project, FormValues values) {
        Map<String, String> errors = new LinkedHashMap<>();
        String chosen = values.selectedOption(KEEP);
        if (chosen != null && !chosen.equals(ON) && !chosen.equals(OFF)) {
            errors.put(KEEP, "Choose whether Daybook keeps the status canvas.");
        }
        return errors;
    }

    @Override
    public void save(Project project, FormValues values) {
        String chosen = values.selectedOption(KEEP);
        if (chosen == null || !canvases.enabled()) {
            return; // a form from before this section: the choice stays as it is
        }
        boolean keep = chosen.equals(ON);
        if (keep != canvases.state(project.teamId(), project.id()).enabled()) {
            canvases.choose(project.teamId(), project.id(), project.channelId(), keep);
        }
    }

    private static OptionObject keepOption() {
        return option(plainText("Keep it current"), ON);
    }

    private static OptionObject offOption() {
        return option(plainText("Off: no status canvas"), OFF);
    }
}
