package dev.daybook.slack.updates;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;

import java.util.List;
import java.util.Map;

import com.slack.api.model.block.LayoutBlock;
import org.springframework.stereotype.Component;

import dev.daybook.projects.Project;
import dev.daybook.slack.blockkit.FormValues;
import dev.daybook.slack.settings.ProjectSettingsSection;
import dev.daybook.updates.Headings;

/**
 * A project's own headings in {@code /daybook settings}: the words of the team's template ("Wins",
 * "Asks for the client"), each naming Update, Next or Blockers, read beside the standard ones.
 */
@Component
class HeadingSettingsSection implements ProjectSettingsSection {

    static final String HEADINGS = "own_headings";

    private final Headings headings;

    HeadingSettingsSection(Headings headings) {
        this.headings = headings;
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public List<LayoutBlock> blocks(Project project) {
        String current = Headings.OwnHeadings.written(headings.own(project.teamId(), project.id()));
        return List.of(input(i -> i.blockId(HEADINGS).optional(true).label(plainText("Headings of your own"))
                .hint(plainText("One per line, like \"Wins = update\", \"Focus = next\", \"Asks = blockers\". "
                        + "Daybook already knows Done, Yesterday/Today, Progress/Plans/Problems, 今日完成/明日计划 and more."))
                .element(plainTextInput(p -> {
                    p.actionId(FormValues.VALUE).multiline(true).maxLength(1000)
                            .placeholder(plainText("Wins = update"));
                    if (!current.isEmpty()) {
                        p.initialValue(current);
                    }
                    return p;
                }))));
    }

    @Override
    public Map<String, String> check(Project project, FormValues values) {
        Headings.OwnHeadings read = Headings.read(values.text(HEADINGS));
        if (read.problems().isEmpty()) {
            return Map.of();
        }
        return Map.of(HEADINGS, "I could not use " + String.join(", ", read.problems())
                + ". Write each as a heading of one to four words, \"=\", and update, next or blockers.");
    }

    @Override
    public void save(Project project, FormValues values) {
        headings.save(project.teamId(), project.id(), Headings.read(values.text(HEADINGS)).headings());
    }
}
