package dev.daybook.slack.status;

import java.util.Optional;

import org.springframework.stereotype.Component;

import dev.daybook.people.WorkingCalendar;
import dev.daybook.clientasks.ClientAskNudges;
import dev.daybook.people.PersonDirectory;
import dev.daybook.projects.Project;
import dev.daybook.projects.ProjectDirectory;
import dev.daybook.slack.blockkit.SlackText;
import dev.daybook.slack.delivery.OncePoster;
import dev.daybook.slack.delivery.ScheduledSender;
import dev.daybook.support.ScheduledMessageDue;
import dev.daybook.updates.OpenBlocker;

/** The DM that nudges a lead about a client ask older than the project's limit; skipped once it is resolved. */
@Component
class ClientAskMessages implements ScheduledSender {

    private final ClientAskNudges nudges;
    private final ProjectDirectory projects;
    private final PersonDirectory people;
    private final OncePoster deliveries;

    ClientAskMessages(ClientAskNudges nudges, ProjectDirectory projects, PersonDirectory people, OncePoster deliveries) {
        this.nudges = nudges;
        this.projects = projects;
        this.people = people;
        this.deliveries = deliveries;
    }

    @Override
    public String feature() {
        return ClientAskNudges.FEATURE;
    }

    @Override
    public String meterKind() {
        return "client_ask";
    }

    @Override
    public String what() {
        return "a client ask nudge";
    }

    @Override
    public String send(ScheduledMessageDue due) {
        Optional<OpenBlocker> ask = nudges.stillWaiting(due);
        Optional<Project> project = ask.flatMap(a -> projects.byId(a.projectId()));
        if (ask.isEmpty() || project.isEmpty()) {
            return "skipped";
        }
        OpenBlocker a = ask.get();
        String text = ":hourglass: A client ask in #" + project.get().name() + " has waited "
                + WorkingCalendar.describeWorkingDays(a.clientAgeDays()) + " (the project's limit is "
                + nudges.limitOf(a.projectId()) + "): “" + SlackText.quiet(a.text()) + "”, "
                + SlackText.escape(people.profile(due.teamId(), a.userId()).name()) + "'s blocker, waiting since "
                + SlackText.day(a.clientSince()) + ". It may be worth a word with the client. "
                + "`/daybook status` in the channel shows every open ask.";
        deliveries.postOnce(due.teamId(), due.deliveryKey(), due.subject(), null, 1, m -> m.text(text));
        return "sent";
    }
}
