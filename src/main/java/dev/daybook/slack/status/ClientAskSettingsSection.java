package dev.daybook.slack.status;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;

import java.util.List;
import java.util.Map;

import com.slack.api.model.block.LayoutBlock;
import org.springframework.stereotype.Component;

import dev.daybook.projects.Project;
import dev.daybook.projects.ProjectDirectory;
import dev.daybook.slack.blockkit.FormValues;
import dev.daybook.slack.settings.ProjectSettingsSection;

/** A project's limit for client asks in {@code /daybook settings}: working days before a lead is nudged. */
@Component
class ClientAskSettingsSection implements ProjectSettingsSection {

    static final String LIMIT = "client_ask_days";

    private final ProjectDirectory projects;

    ClientAskSettingsSection(ProjectDirectory projects) {
        this.projects = projects;
    }

    @Override
    public int order() {
        return 60;
    }

    @Override
    public List<LayoutBlock> blocks(Project project) {
        String current = Integer.toString(projects.clientAskLimit(project.id()));
        return List.of(input(i -> i.blockId(LIMIT).optional(true).label(plainText("Nudge a lead about a client ask after (working days)"))
                .hint(plainText("A blocker waiting on the client ([client] or the button) older than this gets each "
                        + "lead one DM. 1 to " + ProjectDirectory.MAX_CLIENT_ASK_DAYS + "; 5 unless changed."))
                .element(plainTextInput(p -> p.actionId(FormValues.VALUE).maxLength(3).initialValue(current)))));
    }

    @Override
    public Map<String, String> check(Project project, FormValues values) {
        String written = values.text(LIMIT);
        // Left empty (or a form from before this field): the limit stays as it is.
        return written != null && !written.isBlank() && days(written) == null
                ? Map.of(LIMIT, "Write a whole number of working days from 1 to " + ProjectDirectory.MAX_CLIENT_ASK_DAYS + ".")
                : Map.of();
    }

    @Override
    public void save(Project project, FormValues values) {
        Integer days = days(values.text(LIMIT));
        if (days != null) {
            projects.setClientAskLimit(project.teamId(), project.channelId(), days);
        }
    }

    private static Integer days(String written) {
        if (written == null || !written.strip().matches("\\d{1,3}")) {
            return null;
        }
        int days = Integer.parseInt(written.strip());
        return days >= 1 && days <= ProjectDirectory.MAX_CLIENT_ASK_DAYS ? days : null;
    }
}
