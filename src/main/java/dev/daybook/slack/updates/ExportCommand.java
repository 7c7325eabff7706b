package dev.daybook.slack.updates;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.response.conversations.ConversationsOpenResponse;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.daybook.people.PersonDirectory;
import dev.daybook.slack.ExportRequested;
import dev.daybook.slack.client.SlackCalls;
import dev.daybook.slack.transport.DaybookSubcommand;
import dev.daybook.updates.PersonalData;

/**
 * {@code /daybook export}: the person's own updates, every project, as a JSON file (the read API's
 * format) in a direct message from the bot.
 */
@Component
class ExportCommand implements DaybookSubcommand {

    private final PersonalData personalData;
    private final SlackCalls slack;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final PersonDirectory people;
    private final Clock clock;

    ExportCommand(PersonalData personalData, SlackCalls slack, ApplicationEventPublisher events,
                  PlatformTransactionManager transactions, PersonDirectory people, Clock clock) {
        this.people = people;
        this.personalData = personalData;
        this.slack = slack;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Override
    public String name() {
        return "export";
    }

    @Override
    public String usage() {
        return "/daybook export";
    }

    @Override
    public String summary() {
        return "all your updates as a file, sent to you in a direct message";
    }

    @Override
    public Response handle(Invocation invocation, SlashCommandContext ctx) {
        int count = personalData.count(invocation.teamId(), invocation.userId());
        if (count == 0) {
            return ctx.ack("You have no updates in this workspace yet, so there is nothing to export.");
        }
        transaction.executeWithoutResult(s -> events.publishEvent(
                new ExportRequested(invocation.teamId(), invocation.userId())));
        return ctx.ack("I'm sending your " + count + (count == 1 ? " update" : " updates")
                + " as a file in a direct message from me.");
    }

    @ApplicationModuleListener(id = "slack.export", propagation = Propagation.NOT_SUPPORTED)
    void on(ExportRequested request) {
        String json = personalData.export(request.teamId(), request.userId());
        ConversationsOpenResponse dm = slack.call(request.teamId(), "conversations.open", SlackCalls.Patience.WAIT,
                c -> c.conversationsOpen(r -> r.users(List.of(request.userId()))));
        // The requester's own date: the file is named and dated as they would date it.
        LocalDate today = people.profile(request.teamId(), request.userId()).calendar().dayAt(clock.instant());
        slack.call(request.teamId(), "files.uploadV2", SlackCalls.Patience.WAIT, c -> c.filesUploadV2(r -> r
                .channel(dm.getChannel().getId())
                .filename("daybook-updates-" + today + ".json")
                .title("Your Daybook updates")
                .fileData(json.getBytes(StandardCharsets.UTF_8))
                .initialComment("Here are all your updates, as of " + today + ".")));
    }
}
