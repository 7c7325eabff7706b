package dev.daybook.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneOffset;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.daybook.people.PersonProfile;
import dev.daybook.people.WorkingCalendar;
import dev.daybook.projects.Category;
import dev.daybook.projects.Project;
import dev.daybook.projects.ShareMode;

class MatcherTests {

    private static Project project(long id, String channelId, String name, String client, boolean archived) {
        return new Project(id, "T1", channelId, name, client, Category.CORE, ShareMode.CHANNEL, null, archived);
    }

    private final Project churn = project(1, "C1", "acme-churn", "Acme Corp", false);
    private final Project invoices = project(2, "C2", "globex-invoices", "Globex", false);
    private final Project fraud = project(3, "C3", "acme-fraud", "Acme Corp", false);
    private final Project old = project(4, "C4", "initech-ocr", "Initech", true);
    private final List<Project> all = List.of(churn, invoices, fraud, old);

    @Test
    void channelNameWithOrWithoutHashAndAChannelMention() {
        assertThat(ProjectMatcher.match("acme-churn", all)).containsExactly(churn);
        assertThat(ProjectMatcher.match("#ACME-CHURN", all)).containsExactly(churn);
        assertThat(ProjectMatcher.match("<#C2|globex-invoices>", all)).containsExactly(invoices);
        assertThat(ProjectMatcher.match("<#C9|gone>", all)).isEmpty();
    }

    @Test
    void aWordOfTheChannelNameOrTheClient() {
        assertThat(ProjectMatcher.match("churn", all)).containsExactly(churn);
        assertThat(ProjectMatcher.match("globex", all)).containsExactly(invoices);
        assertThat(ProjectMatcher.match("acme", all)).as("two projects for one client").containsExactly(churn, fraud);
    }

    @Test
    void typosInLongNamesOnly() {
        assertThat(ProjectMatcher.match("acme-chrun", all)).containsExactly(churn);
        assertThat(ProjectMatcher.match("globx", all)).containsExactly(invoices);
        assertThat(ProjectMatcher.match("acne", all)).as("short names must be exact").isEmpty();
        assertThat(ProjectMatcher.match("zebra-stripes", all)).isEmpty();
    }

    @Test
    void anArchivedProjectOnlyWhenNothingLiveMatches() {
        assertThat(ProjectMatcher.match("initech", all)).containsExactly(old);
        assertThat(ProjectMatcher.match("", all)).isEmpty();
    }

    private static PersonProfile person(String id, String name) {
        return new PersonProfile("T1", id, name, WorkingCalendar.weekdaysIn(ZoneOffset.UTC), true);
    }

    @Test
    void peopleByMentionNameFirstNameOrTypo() {
        PersonProfile ada = person("U1", "Ada Lovelace");
        PersonProfile bob = person("U2", "Bob");
        PersonProfile grace = person("U3", "Grace Hopper");
        List<PersonProfile> people = List.of(ada, bob, grace);
        assertThat(PersonMatcher.match("<@U2>", people)).containsExactly(bob);
        assertThat(PersonMatcher.match("bob", people)).containsExactly(bob);
        assertThat(PersonMatcher.match("Ada Lovelace", people)).containsExactly(ada);
        assertThat(PersonMatcher.match("ada", people)).containsExactly(ada);
        assertThat(PersonMatcher.match("Grace's", people)).containsExactly(grace);
        assertThat(PersonMatcher.match("ada lovelase", people)).containsExactly(ada);
        assertThat(PersonMatcher.match("grase", people)).containsExactly(grace);
        assertThat(PersonMatcher.match("bib", people)).as("short names must be exact").isEmpty();
        assertThat(PersonMatcher.match("nobody", people)).isEmpty();
        assertThat(PersonMatcher.mentioned("<@U2|bob>")).isEqualTo("U2");
    }
}
