package dev.daybook.slack.home;

import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.slack.api.model.block.LayoutBlock;
import org.springframework.stereotype.Component;

import dev.daybook.digest.Digests;
import dev.daybook.digest.IsoWeek;
import dev.daybook.digest.summary.WeeklySummary;
import dev.daybook.people.PersonDirectory;
import dev.daybook.projects.Project;
import dev.daybook.projects.ProjectDirectory;
import dev.daybook.slack.blockkit.SlackText;
import dev.daybook.slack.status.StatusAnswers;
import dev.daybook.updates.ActiveAuthor;
import dev.daybook.updates.UpdateService;

/**
 * App Home: the latest weekly summary of each of my projects (this week's once it has gone out, else
 * last week's), in short: updates, the top highlights, blockers still open. A private channel's
 * summary is shown only while the person is still one of its members.
 */
@Component
class HomeSummariesSection implements HomeSection {

    private static final int MAX_PROJECTS = 5;
    private static final int HIGHLIGHTS = 2;

    private final Digests digests;
    private final UpdateService updates;
    private final ProjectDirectory projects;
    private final PersonDirectory people;
    private final StatusAnswers sight;
    private final Clock clock;

    HomeSummariesSection(Digests digests, UpdateService updates, ProjectDirectory projects, PersonDirectory people,
                         StatusAnswers sight, Clock clock) {
        this.sight = sight;
        this.digests = digests;
        this.updates = updates;
        this.projects = projects;
        this.people = people;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 50;
    }

    @Override
    public List<LayoutBlock> blocks(String teamId, String userId) {
        LocalDate today = people.profile(teamId, userId).calendar().dayAt(clock.instant());
        Set<Long> mine = updates.projectsSince(teamId, userId, ActiveAuthor.activeSince(today));
        List<String> lines = new ArrayList<>();
        mine.stream().sorted().limit(MAX_PROJECTS).map(projects::byId).flatMap(Optional::stream)
                .filter(p -> !p.archived())
                .filter(p -> sight.refusal(p, userId) == null)
                .forEach(project -> latest(project).ifPresent(summary -> lines.addAll(describe(project, summary))));
        if (lines.isEmpty()) {
            return List.of();
        }
        lines.add(0, "*Latest weekly summaries*");
        List<LayoutBlock> blocks = new ArrayList<>();
        SlackText.chunks(lines, SlackText.SECTION_LIMIT).stream().limit(5)
                .forEach(chunk -> blocks.add(section(s -> s.text(markdownText(chunk)))));
        return blocks;
    }

    private Optional<WeeklySummary> latest(Project project) {
        IsoWeek current = digests.currentWeek(project);
        for (IsoWeek week : List.of(current, current.previous())) {
            if (digests.isDecided(project, week)) {
                return Optional.of(digests.summary(project, week));
            }
        }
        return Optional.empty();
    }

    private static List<String> describe(Project project, WeeklySummary summary) {
        List<String> lines = new ArrayList<>();
        lines.add("<#" + project.channelId() + "> · " + SlackText.day(summary.from()) + " – " + SlackText.day(summary.to())
                + ": " + summary.updates() + (summary.updates() == 1 ? " update" : " updates")
                + (summary.blockersOpen().isEmpty() ? "" : ", " + summary.blockersOpen().size() + " open "
                        + (summary.blockersOpen().size() == 1 ? "blocker" : "blockers")));
        summary.highlights().stream().limit(HIGHLIGHTS)
                .forEach(h -> lines.add("   • " + SlackText.quiet(h.text()) + " _(" + SlackText.escape(h.person()) + ")_"));
        return lines;
    }
}
