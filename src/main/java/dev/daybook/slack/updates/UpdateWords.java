package dev.daybook.slack.updates;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.block.LayoutBlock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.daybook.people.PersonDirectory;
import dev.daybook.projects.Project;
import dev.daybook.projects.ProjectDirectory;
import dev.daybook.slack.blockkit.SlackText;
import dev.daybook.slack.client.SlackChannels;
import dev.daybook.slack.transport.SlackListener;
import dev.daybook.updates.Revision;
import dev.daybook.updates.UpdateService;
import dev.daybook.updates.UpdateSource;
import dev.daybook.updates.UpdateView;

/**
 * The words {@code /update} takes as commands rather than as an update: {@code help},
 * {@code preview} (the update as the channel sees it), {@code history} (every version of it) and
 * {@code undo} (bring back the version before, or one by number).
 */
@Component
class UpdateWords implements SlackListener {

    static final String RESTORE = "daybook_update_restore";
    /** The versions a history shows, newest first; older ones are restored by number. */
    static final int SHOWN_VERSIONS = 10;

    private static final Pattern WORD = Pattern.compile(
            "^(?:--)?(help|\\?|preview|history|versions|undo|restore)(?:\\s+(?:version\\s+)?v?(\\d{1,4}))?$",
            Pattern.CASE_INSENSITIVE);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);
    private static final Logger log = LoggerFactory.getLogger(UpdateWords.class);

    private final UpdateService updates;
    private final ProjectDirectory projects;
    private final PersonDirectory people;

    UpdateWords(UpdateService updates, ProjectDirectory projects, PersonDirectory people) {
        this.updates = updates;
        this.projects = projects;
        this.people = people;
    }

    @Override
    public void register(App app) {
        app.blockAction(RESTORE, this::restoreButton);
    }

    /** Whether the whole text is one of the words, so that {@code /update help} never becomes an update. */
    static boolean isCommand(String text) {
        return text != null && WORD.matcher(text.strip()).matches();
    }

    Response handle(String text, String teamId, String channelId, String userId, SlashCommandContext ctx) {
        Matcher word = WORD.matcher(text.strip());
        if (!word.matches()) {
            throw new IllegalArgumentException("not a command word");
        }
        String name = word.group(1).toLowerCase(Locale.ROOT);
        if (name.equals("help") || name.equals("?")) {
            return ctx.ack(r -> r.responseType("ephemeral").text(help()));
        }
        Optional<Project> project = SlackChannels.isDirectMessage(channelId) ? Optional.empty()
                : projects.byChannel(teamId, channelId);
        Optional<UpdateView> update = project.flatMap(p -> updates.latestInProject(teamId, p.id(), userId));
        if (update.isEmpty()) {
            return ctx.ack(r -> r.responseType("ephemeral").text("You have no update in this channel yet, so there is "
                    + "nothing to " + (name.equals("preview") ? "show" : name.equals("history") || name.equals("versions")
                    ? "look back on" : "bring back") + ". Post one with `/update <text>` or `/update` for the form."));
        }
        String author = people.profile(teamId, userId).name();
        return switch (name) {
            case "preview" -> ctx.ack(r -> r.responseType("ephemeral")
                    .text(UpdateBlocks.fallbackText(update.get(), author))
                    .blocks(UpdateBlocks.shared(update.get(), author)));
            case "history", "versions" -> ctx.ack(r -> r.responseType("ephemeral")
                    .text("The versions of your update for " + SlackText.day(update.get().day()))
                    .blocks(history(teamId, userId, update.get(), project.get())));
            default -> ctx.ack(r -> r.responseType("ephemeral")
                    .text(undo(teamId, userId, update.get(), word.group(2))));
        };
    }

    private String undo(String teamId, String userId, UpdateView update, String number) {
        List<Revision> versions = updates.history(teamId, update.id());
        Optional<Revision> target = number != null
                ? versions.stream().filter(v -> v.number() == Integer.parseInt(number)).findFirst()
                : versions.stream().filter(v -> v.number() < update.revision()).findFirst();
        if (target.isEmpty()) {
            return number != null
                    ? "Your update for *" + SlackText.day(update.day()) + "* has no version " + number
                            + ". `/update history` lists them."
                    : "Your update for *" + SlackText.day(update.day())
                            + "* has only this version, so there is nothing to undo.";
        }
        if (target.get().current()) {
            return "Version " + target.get().number() + " is the one your update stands as already.";
        }
        return updates.restore(teamId, userId, update.id(), target.get().number())
                .map(restored -> ":leftwards_arrow_with_hook: Brought back version " + target.get().number()
                        + " of your update for *" + SlackText.day(restored.day()) + "*: " + Replies.counts(restored)
                        + ". It is kept as version " + restored.revision() + "; `/update history` shows them all.")
                .orElse("I could not find that version any more.");
    }

    private List<LayoutBlock> history(String teamId, String userId, UpdateView update, Project project) {
        List<Revision> versions = updates.history(teamId, update.id());
        ZoneId zone = people.profile(teamId, userId).zone();
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(section(s -> s.text(markdownText("Your update for *" + SlackText.day(update.day()) + "* in #"
                + SlackText.escape(project.name()) + " has " + versions.size()
                + (versions.size() == 1 ? " version." : " versions, newest first.")))));
        for (Revision version : versions.stream().limit(SHOWN_VERSIONS).toList()) {
            String line = "*" + version.number() + "*" + (version.current() ? " (now)" : "") + " · "
                    + TIME.format(version.createdAt().atZone(zone)) + " · " + sourceName(version.source()) + " · "
                    + version.done() + " done, " + version.next() + " next"
                    + (version.blockers() > 0 ? ", " + version.blockers() + " blockers" : "")
                    + (version.summary().isBlank() ? "" : "\n> " + SlackText.escape(shorten(version.summary())));
            if (version.current()) {
                blocks.add(section(s -> s.text(markdownText(line))));
            } else {
                blocks.add(section(s -> s.text(markdownText(line)).accessory(button(b -> b.actionId(RESTORE)
                        .text(plainText("Bring back")).value(update.id() + ":" + version.number())))));
            }
        }
        if (versions.size() > SHOWN_VERSIONS) {
            blocks.add(context(c -> c.elements(List.of(markdownText("Older versions: `/update undo <number>`.")))));
        }
        blocks.add(context(c -> c.elements(List.of(markdownText(
                "`/update undo` brings back the version before the latest; every version stays in the history.")))));
        return blocks;
    }

    Response restoreButton(BlockActionRequest request, ActionContext ctx) {
        BlockActionPayload payload = request.getPayload();
        if (payload.getActions() == null || payload.getActions().isEmpty() || payload.getUser() == null) {
            return ctx.ack();
        }
        String value = payload.getActions().get(0).getValue();
        Matcher parts = value == null ? null : Pattern.compile("^(\\d{1,18}):(\\d{1,4})$").matcher(value);
        if (parts == null || !parts.matches()) {
            return ctx.ack();
        }
        String text = updates.restore(ctx.getTeamId(), payload.getUser().getId(), Long.parseLong(parts.group(1)),
                        Integer.parseInt(parts.group(2)))
                .map(restored -> ":leftwards_arrow_with_hook: Brought back version " + parts.group(2)
                        + " of your update for *" + SlackText.day(restored.day()) + "*: " + Replies.counts(restored)
                        + ". It is kept as version " + restored.revision() + ".")
                .orElse("I could not find that version of your update.");
        try {
            ctx.respond(r -> r.responseType("ephemeral").replaceOriginal(true).text(text));
        } catch (Exception e) {
            log.info("Slack: could not answer through response_url ({}).", e.toString());
        }
        return ctx.ack();
    }

    static String help() {
        return "*/update* records your end-of-day update in this channel's project.\n"
                + "• `/update <text>`: record it, for example " + Replies.EXAMPLE + "\n"
                + "• `/update`: the form, with your last *Next* filled in\n"
                + "• `/update preview`: your update as the channel sees it\n"
                + "• `/update history`: every version of it\n"
                + "• `/update undo`: bring back the version before the latest (`/update undo 2` for version 2)\n"
                + "Posting again the same day revises the day's update; when that would drop something, "
                + "I ask whether to add, replace or cancel.";
    }

    private static String sourceName(UpdateSource source) {
        return switch (source) {
            case SLASH_COMMAND -> "/update";
            case MODAL -> "form";
            case MESSAGE -> "channel post";
        };
    }

    private static String shorten(String text) {
        String line = text.replace('\n', ' ');
        return line.length() > 120 ? line.substring(0, 119) + "…" : line;
    }
}
