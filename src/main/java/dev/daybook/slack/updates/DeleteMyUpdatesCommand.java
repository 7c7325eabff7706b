package dev.daybook.slack.updates;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.confirmationDialog;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import java.util.List;

import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.daybook.slack.transport.DaybookSubcommand;
import dev.daybook.slack.transport.SlackListener;
import dev.daybook.updates.PersonalData;

/**
 * {@code /daybook delete}: a person deletes all their own updates in the workspace, after a
 * confirmation. The bot's shared copies in channels are deleted too.
 */
@Component
class DeleteMyUpdatesCommand implements DaybookSubcommand, SlackListener {

    static final String CONFIRM = "delete_my_updates";
    private static final Logger log = LoggerFactory.getLogger(DeleteMyUpdatesCommand.class);

    private final PersonalData personalData;

    DeleteMyUpdatesCommand(PersonalData personalData) {
        this.personalData = personalData;
    }

    @Override
    public String name() {
        return "delete";
    }

    @Override
    public String usage() {
        return "/daybook delete";
    }

    @Override
    public String summary() {
        return "delete all your updates (asks first; try /daybook export before)";
    }

    @Override
    public Response handle(Invocation invocation, SlashCommandContext ctx) {
        int count = personalData.count(invocation.teamId(), invocation.userId());
        if (count == 0) {
            return ctx.ack("You have no updates in this workspace, so there is nothing to delete.");
        }
        String what = count == 1 ? "your 1 update" : "all " + count + " of your updates";
        return ctx.ack(r -> r.responseType("ephemeral").text("Delete " + what + "?").blocks(List.of(
                section(s -> s.text(markdownText("This deletes " + what + " in this workspace, in every project, "
                        + "with their history. It cannot be undone. `/daybook export` first if you want a copy."))),
                actions(a -> a.elements(List.of(button(b -> b.actionId(CONFIRM).style("danger")
                        .text(plainText("Delete " + what))
                        .confirm(confirmationDialog(d -> d.title(plainText("Delete your updates?"))
                                .text(plainText("This cannot be undone."))
                                .confirm(plainText("Delete")).deny(plainText("Keep them")))))))))));
    }

    @Override
    public void register(App app) {
        app.blockAction(CONFIRM, (request, ctx) -> {
            String userId = request.getPayload().getUser().getId();
            String text;
            try {
                int deleted = personalData.deleteAll(ctx.getTeamId(), userId);
                text = ":wastebasket: Deleted " + deleted + (deleted == 1 ? " update." : " updates.");
            } catch (RuntimeException e) {
                log.error("Could not delete a person's updates", e);
                text = ":warning: Daybook could not delete your updates just now; nothing was deleted. Please try again.";
            }
            String answer = text;
            ctx.respond(r -> r.replaceOriginal(true).text(answer));
            return ctx.ack();
        });
    }
}
