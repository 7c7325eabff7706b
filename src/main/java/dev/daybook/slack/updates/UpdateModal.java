package dev.daybook.slack.updates;

import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.conversationsSelect;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.element.ConversationsFilter;
import com.slack.api.model.view.View;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.daybook.projects.Project;
import dev.daybook.projects.ProjectDirectory;
import dev.daybook.slack.blockkit.FormValues;
import dev.daybook.slack.blockkit.SlackText;
import dev.daybook.slack.client.SlackCalls;
import dev.daybook.slack.client.SlackChannels;
import dev.daybook.slack.client.SlackPeople;
import dev.daybook.slack.transport.SlackListener;
import dev.daybook.updates.Recording;
import dev.daybook.updates.Revision;
import dev.daybook.updates.Section;
import dev.daybook.updates.UpdateItem;
import dev.daybook.updates.UpdateService;
import dev.daybook.updates.UpdateSource;
import dev.daybook.updates.UpdateView;

/**
 * The update form: project (defaulting to the channel), Update, Next and Blockers, prefilled with
 * today's update when there is one, otherwise with the author's previous Next items.
 */
@Component
public class UpdateModal implements SlackListener {

    static final String CALLBACK = "daybook_update";
    static final String PROJECT = "project";
    static final String UPDATE = "update";
    static final String NEXT = "next";
    static final String BLOCKERS = "blockers";
    static final String VALUE = FormValues.VALUE;
    private static final int FIELD_LIMIT = 3000;
    private static final int SHOWN_VERSIONS = 5;

    private static final Logger log = LoggerFactory.getLogger(UpdateModal.class);

    private final ProjectDirectory projects;
    private final UpdateService updates;
    private final UpdateIntake intake;
    private final SlackChannels channels;
    private final SlackPeople people;
    private final SlackCalls slack;
    private final Clock clock;

    UpdateModal(ProjectDirectory projects, UpdateService updates, UpdateIntake intake, SlackChannels channels,
                SlackPeople people, SlackCalls slack, Clock clock) {
        this.projects = projects;
        this.updates = updates;
        this.intake = intake;
        this.channels = channels;
        this.people = people;
        this.slack = slack;
        this.clock = clock;
    }

    @Override
    public void register(App app) {
        app.viewSubmission(CALLBACK, this::submit);
    }

    public static final String COULD_NOT_OPEN = "Slack did not let me open the update form just now. "
            + "Try `/update` again, or write it inline: " + Replies.EXAMPLE;

    /** Opens the form in answer to a request that carries a trigger id; false when Slack would not. */
    public boolean open(String teamId, String channelId, String userId, String triggerId) {
        try {
            // The trigger lapses after 3 s: a new person's profile is waited for briefly, an old one
            // catches up in the background.
            people.refreshBriefly(teamId, userId, SlackPeople.FORM_WAIT);
            View form = form(teamId, channelId, userId);
            slack.call(teamId, "views.open", SlackCalls.Patience.NONE,
                    c -> c.viewsOpen(r -> r.triggerId(triggerId).view(form)));
            return true;
        } catch (RuntimeException e) {
            log.warn("Could not open the update form: {}", e.getMessage());
            return false;
        }
    }

    View form(String teamId, String channelId, String userId) {
        Optional<Project> project = SlackChannels.isDirectMessage(channelId) ? Optional.empty()
                : projects.byChannel(teamId, channelId);
        Optional<UpdateView> today = project.flatMap(p -> updates.current(teamId, p.id(), userId));
        Optional<UpdateView> previous = today.isPresent() ? Optional.empty()
                : updates.previous(teamId, userId, project.map(Project::id).orElse(null));

        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(input(i -> i.blockId(PROJECT).label(plainText("Project"))
                .element(conversationsSelect(s -> {
                    s.actionId(VALUE).placeholder(plainText("The project's channel"))
                            .filter(ConversationsFilter.builder().include(List.of("public", "private"))
                                    .excludeBotUsers(true).build());
                    if (!SlackChannels.isDirectMessage(channelId)) {
                        s.initialConversation(channelId);
                    }
                    return s;
                }))));
        String prefillUpdate = today.map(u -> bullets(u.items(Section.UPDATE)))
                .orElseGet(() -> previous.map(u -> bullets(u.items(Section.NEXT))).orElse(""));
        if (today.isPresent()) {
            blocks.add(context(c -> c.elements(List.of(markdownText(
                    "You already posted today; recording this form revises that update." + versions(teamId,
                            today.get()))))));
        } else if (previous.isPresent() && !previous.get().items(Section.NEXT).isEmpty()) {
            blocks.add(context(c -> c.elements(List.of(markdownText("Your *Next* from "
                    + SlackText.day(previous.get().day()) + " is filled in below: keep what you did, change the rest.")))));
        }
        blocks.add(textInput(UPDATE, "Update: what you did, and why", prefillUpdate, false,
                "- trained the baseline [core 3h]\n- read the label guide [learning]"));
        blocks.add(textInput(NEXT, "Next", today.map(u -> bullets(u.items(Section.NEXT))).orElse(""), true,
                "- tune the learning rate"));
        blocks.add(textInput(BLOCKERS, "Blockers", today.map(u -> bullets(u.items(Section.BLOCKER))).orElse(""), true,
                "- waiting for the client's label guide"));
        blocks.add(context(c -> c.elements(List.of(markdownText(
                "One item per line. Tags: `[core]` `[adjacent]` `[moonshot]`, hours like `[2h]`.")))));
        return view(v -> v.type("modal").callbackId(CALLBACK)
                .title(viewTitle(t -> t.type("plain_text").text("End-of-day update")))
                .submit(viewSubmit(s -> s.type("plain_text").text("Record")))
                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                .blocks(blocks));
    }

    Response submit(ViewSubmissionRequest request, ViewSubmissionContext ctx) {
        FormValues values = FormValues.of(request.getPayload().getView());
        String channelId = values.selectedConversation(PROJECT);
        String update = values.text(UPDATE);
        if (channelId == null) {
            return ctx.ackWithErrors(Map.of(PROJECT, "Pick the project's channel."));
        }
        if (SlackChannels.isDirectMessage(channelId)) {
            return ctx.ackWithErrors(Map.of(PROJECT, "A project is a channel; pick the project's channel."));
        }
        if (update.isBlank()) {
            return ctx.ackWithErrors(Map.of(UPDATE, "Write at least one thing you did."));
        }
        String teamId = ctx.getTeamId();
        String userId = request.getPayload().getUser().getId();
        try {
            String channelName = projects.byChannel(teamId, channelId).map(Project::name)
                    .orElseGet(() -> channels.nameOf(teamId, channelId));
            Recording recording = intake.record(new UpdateIntake.Post(teamId, channelId, channelName, userId,
                    compose(update, values.text(NEXT), values.text(BLOCKERS)), UpdateSource.MODAL,
                    clock.instant(), null, null, null)).orElseThrow();
            if (!recording.recorded()) {
                return ctx.ackWithErrors(Map.of(UPDATE, Replies.problems(recording.problems())));
            }
            return ctx.ackWithUpdate(confirmation(recording));
        } catch (RuntimeException e) {
            log.error("Could not record an update from the form", e);
            return ctx.ackWithErrors(Map.of(UPDATE,
                    "Daybook could not save this just now. Your text is still here: press Record again in a minute."));
        }
    }

    private static View confirmation(Recording recording) {
        String text = Replies.afterRecording(recording, true);
        return view(v -> v.type("modal").callbackId(CALLBACK + "_done")
                .title(viewTitle(t -> t.type("plain_text").text("Recorded")))
                .close(viewClose(c -> c.type("plain_text").text("Close")))
                .blocks(List.of(section(s -> s.text(markdownText(
                        text.length() > SlackText.SECTION_LIMIT ? text.substring(0, SlackText.SECTION_LIMIT - 1) + "…"
                                : text))))));
    }

    /** The earlier versions of today's update, to look back on before revising it. */
    private String versions(String teamId, UpdateView today) {
        if (today.revision() < 2) {
            return "";
        }
        List<Revision> earlier = updates.history(teamId, today.id()).stream().filter(v -> !v.current())
                .limit(SHOWN_VERSIONS).toList();
        if (earlier.isEmpty()) {
            return "";
        }
        return "\nThis is version " + today.revision() + ". Earlier: " + earlier.stream()
                .map(v -> v.number() + " (" + v.done() + " done, " + v.next() + " next)")
                .collect(Collectors.joining(", ")) + ". `/update history` brings one back.";
    }

    /** The form's fields as update text, so the form is read by the same parser as everything else. */
    static String compose(String update, String next, String blockers) {
        StringBuilder text = new StringBuilder("Update:\n").append(update.strip());
        if (!next.isBlank()) {
            text.append("\nNext:\n").append(next.strip());
        }
        if (!blockers.isBlank()) {
            text.append("\nBlockers:\n").append(blockers.strip());
        }
        return text.toString();
    }

    private static LayoutBlock textInput(String blockId, String label, String initial, boolean optional,
                                         String placeholder) {
        String fitted = initial.length() > FIELD_LIMIT ? initial.substring(0, FIELD_LIMIT) : initial;
        return input(i -> i.blockId(blockId).label(plainText(label)).optional(optional)
                .element(plainTextInput(p -> {
                    p.actionId(VALUE).multiline(true).maxLength(FIELD_LIMIT).placeholder(plainText(placeholder));
                    if (!fitted.isEmpty()) {
                        p.initialValue(fitted);
                    }
                    return p;
                })));
    }

    private static String bullets(List<UpdateItem> items) {
        return items.stream().map(i -> "- " + i.text()).collect(Collectors.joining("\n"));
    }
}
