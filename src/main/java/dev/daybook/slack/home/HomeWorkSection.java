package dev.daybook.slack.home;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.slack.api.model.block.LayoutBlock;
import org.springframework.stereotype.Component;

import dev.daybook.people.PersonDirectory;
import dev.daybook.people.WorkingCalendar;
import dev.daybook.projects.Project;
import dev.daybook.projects.ProjectDirectory;
import dev.daybook.slack.blockkit.BlockerButtons;
import dev.daybook.slack.blockkit.SlackText;
import dev.daybook.slack.status.StatusBlocks;
import dev.daybook.slack.updates.FirstSteps;
import dev.daybook.updates.ActiveAuthor;
import dev.daybook.updates.Blockers;
import dev.daybook.updates.OpenBlocker;
import dev.daybook.updates.Section;
import dev.daybook.updates.UpdateService;
import dev.daybook.updates.UpdateView;

/**
 * App Home, first: my projects (where I posted in the last 30 days), my last Next (today's plan) and my
 * open blockers, each with a Resolved button and, until it is one, a Waiting on client button (it then
 * says how long it has waited on the client).
 */
@Component
class HomeWorkSection implements HomeSection {

    /** Two blocks each at most, within the Home tab's 100 with the other sections. */
    private static final int MAX_BLOCKERS = 15;

    private final UpdateService updates;
    private final Blockers blockers;
    private final ProjectDirectory projects;
    private final PersonDirectory people;
    private final Clock clock;

    HomeWorkSection(UpdateService updates, Blockers blockers, ProjectDirectory projects, PersonDirectory people,
                    Clock clock) {
        this.updates = updates;
        this.blockers = blockers;
        this.projects = projects;
        this.people = people;
        this.clock = clock;
    }

    @Override
    public int order() {
        return 10;
    }

    @Override
    public List<LayoutBlock> blocks(String teamId, String userId) {
        LocalDate today = people.profile(teamId, userId).calendar().dayAt(clock.instant());
        Map<Long, Project> byId = projects.all(teamId).stream()
                .collect(Collectors.toMap(Project::id, Function.identity()));
        List<LayoutBlock> blocks = new ArrayList<>();

        Set<Long> mine = new LinkedHashSet<>(updates.projectsSince(teamId, userId, ActiveAuthor.activeSince(today)));
        List<String> names = mine.stream().map(byId::get).filter(p -> p != null && !p.archived())
                .map(p -> "<#" + p.channelId() + ">").sorted().toList();
        blocks.add(section(s -> s.text(markdownText("*My projects*\n" + (names.isEmpty()
                ? "None yet: post an update in a project channel and it appears here. Three ways:\n" + FirstSteps.THREE_WAYS
                : String.join("  ", names))))));

        Optional<UpdateView> last = updates.latestOf(teamId, userId);
        if (last.isPresent() && !last.get().items(Section.NEXT).isEmpty()) {
            UpdateView update = last.get();
            List<String> lines = new ArrayList<>();
            Project project = byId.get(update.projectId());
            lines.add("*My last Next* (" + SlackText.day(update.day())
                    + (project == null ? "" : ", #" + project.name()) + ")");
            update.items(Section.NEXT).forEach(i -> lines.add("• " + SlackText.quiet(i.text())));
            SlackText.chunks(lines, SlackText.SECTION_LIMIT).stream().limit(3)
                    .forEach(chunk -> blocks.add(section(s -> s.text(markdownText(chunk)))));
        }

        List<OpenBlocker> open = blockers.openBlockersOf(teamId, userId);
        if (!open.isEmpty()) {
            blocks.add(section(s -> s.text(markdownText("*My open blockers*"))));
            open.stream().limit(MAX_BLOCKERS).forEach(b -> {
                Project project = byId.get(b.projectId());
                String waiting = b.waitsOnClient()
                        ? ", waiting on the client " + WorkingCalendar.describeWorkingDays(b.clientAgeDays()) : "";
                String about = "\n   _" + (project == null ? "" : "#" + project.name() + ", ")
                        + StatusBlocks.age(b.ageDays()) + waiting + "_";
                String text = "• " + SlackText.quiet(b.text());
                int room = SlackText.SECTION_LIMIT - about.length();
                String fitted = (text.length() > room ? text.substring(0, room - 1) + "…" : text) + about;
                String value = Long.toString(b.id());
                blocks.add(section(s -> s.text(markdownText(fitted)).accessory(button(x -> x.actionId(StatusBlocks.RESOLVE)
                        .text(plainText("Resolved")).value(value)))));
                if (!b.waitsOnClient()) {
                    blocks.add(actions(a -> a.blockId("home-blocker-" + value).elements(List.of(button(x -> x
                            .actionId(BlockerButtons.WAITING_ON_CLIENT).text(plainText("Waiting on client")).value(value))))));
                }
            });
        }
        return blocks;
    }
}
