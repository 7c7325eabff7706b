package dev.daybook.slack.settings;

import java.util.List;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import dev.daybook.projects.Project;
import dev.daybook.projects.ProjectLeads;
import dev.daybook.slack.blockkit.SlackText;
import dev.daybook.slack.client.SlackPeople;

/**
 * Who may change a project: its leads (the person who created it and those a lead named, stored in
 * {@link ProjectLeads}) and the workspace's admins and owners (Slack's word, asked only when the person
 * is not a stored lead). Everyone else is told, politely, who to ask.
 */
@Component
public class Leadership {

    private final ProjectLeads leads;
    private final SlackPeople people;

    Leadership(ProjectLeads leads, SlackPeople people) {
        this.leads = leads;
        this.people = people;
    }

    public boolean mayLead(Project project, String userId) {
        return leads.isLead(project.teamId(), project.id(), userId) || people.isAdminOrOwner(project.teamId(), userId);
    }

    /** Whether Slack knows the id as a person of the workspace; empty when Slack cannot say just now. */
    java.util.Optional<Boolean> isPerson(String teamId, String userId) {
        return people.isPerson(teamId, userId);
    }

    List<ProjectLeads.Lead> leads(Project project) {
        return leads.of(project.teamId(), project.id());
    }

    public boolean isWorkspaceAdmin(String teamId, String userId) {
        return people.isAdminOrOwner(teamId, userId);
    }

    /** "Only the leads of #acme …", for something a member asked to do: {@code what} is like "change its settings". */
    public String refusal(Project project, String what) {
        List<ProjectLeads.Lead> named = leads.of(project.teamId(), project.id());
        String name = "*#" + SlackText.escape(project.name()) + "*";
        if (named.isEmpty()) {
            return ":lock: Only the leads of " + name + " can " + what + ", and it has none yet: a workspace admin or owner can "
                    + "name one with `/daybook leads add @person`.";
        }
        return ":lock: Only the leads of " + name + " can " + what + ": " + mentions(named)
                + " (and the workspace's admins and owners). Ask one of them, or ask to be added with `/daybook leads add @you`.";
    }

    static String mentions(List<ProjectLeads.Lead> leads) {
        return leads.stream().map(l -> "<@" + l.userId() + ">").collect(Collectors.joining(", "));
    }
}
