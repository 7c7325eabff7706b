package dev.daybook.slack.status;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import java.util.List;

import com.slack.api.model.block.LayoutBlock;
import org.springframework.stereotype.Component;

import dev.daybook.projects.Project;
import dev.daybook.status.ProjectStatus;
import dev.daybook.status.StatusService;

/**
 * A project's status for one asker, after checking they may see it: a private channel's status only
 * for its members. Used by the command, questions and the share button.
 */
@Component
public class StatusAnswers {

    private final StatusService status;
    private final ChannelVisibility visibility;
    private final Citations citations;

    StatusAnswers(StatusService status, ChannelVisibility visibility, Citations citations) {
        this.citations = citations;
        this.status = status;
        this.visibility = visibility;
    }

    record Answer(String text, List<LayoutBlock> blocks, ProjectStatus status) {
        static Answer refused(String text) {
            return new Answer(text, List.of(section(s -> s.text(markdownText(text)))), null);
        }

        boolean shown() {
            return status != null;
        }
    }

    Answer status(Project project, String askerId) {
        String refusal = refusal(project, askerId);
        if (refusal != null) {
            return Answer.refused(refusal);
        }
        ProjectStatus found = status.status(project);
        List<LayoutBlock> blocks = StatusBlocks.forAsker(found, askerId);
        // The sources go above the share button, with the answer they belong to.
        List<LayoutBlock> cited = citations.withSources(project.teamId(), blocks.subList(0, blocks.size() - 1),
                Citations.of(found));
        List<LayoutBlock> all = new java.util.ArrayList<>(cited);
        all.add(blocks.get(blocks.size() - 1));
        return new Answer(StatusBlocks.fallbackText(found), all, found);
    }

    boolean isPrivate(Project project) {
        return visibility.isPrivate(project);
    }

    /** Null when the asker may see the project; otherwise a polite reason that reveals nothing of it. */
    public String refusal(Project project, String askerId) {
        return switch (visibility.of(project, askerId)) {
            case VISIBLE -> null;
            case HIDDEN -> "That project's channel is private, and only its members can see its status, runs and goals.";
            case UNKNOWN -> "I couldn't check with Slack who may see that project just now. Please try again in a minute.";
        };
    }
}
