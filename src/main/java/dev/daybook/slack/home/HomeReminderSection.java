package dev.daybook.slack.home;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import java.util.List;
import java.util.stream.Collectors;

import com.slack.api.model.block.LayoutBlock;
import org.springframework.stereotype.Component;

import dev.daybook.people.PersonDirectory;
import dev.daybook.people.PersonProfile;
import dev.daybook.people.PersonalSettings;
import dev.daybook.slack.people.AwayCommand;
import dev.daybook.slack.people.MySettingsModal;

/** App Home: my reminder settings, my time away, and a button to change them. */
@Component
class HomeReminderSection implements HomeSection {

    private final PersonDirectory people;

    HomeReminderSection(PersonDirectory people) {
        this.people = people;
    }

    @Override
    public int order() {
        return 30;
    }

    @Override
    public List<LayoutBlock> blocks(String teamId, String userId) {
        PersonProfile profile = people.profile(teamId, userId);
        PersonalSettings settings = people.settings(teamId, userId);
        var away = people.awayPeriods(teamId, userId);
        StringBuilder text = new StringBuilder("*My reminders*\n")
                .append(MySettingsModal.describe(settings, profile.calendar().workingDays()))
                .append("\nTime zone: ").append(profile.zone().getId()).append(" (from Slack).");
        if (!away.isEmpty()) {
            text.append("\n:palm_tree: Away ").append(away.stream().map(AwayCommand::describe)
                    .collect(Collectors.joining(", and "))).append('.');
        }
        return List.of(section(s -> s.text(markdownText(text.toString()))),
                actions(a -> a.elements(List.of(button(b -> b.actionId(MySettingsModal.OPEN)
                        .text(plainText("Change my settings")).value("home"))))));
    }
}
