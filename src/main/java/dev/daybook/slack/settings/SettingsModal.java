package dev.daybook.slack.settings;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.context;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.block.element.BlockElements.radioButtons;
import static com.slack.api.model.block.element.BlockElements.staticSelect;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.view.View;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.daybook.projects.Category;
import dev.daybook.projects.Project;
import dev.daybook.projects.ProjectDirectory;
import dev.daybook.projects.ProjectSettings;
import dev.daybook.projects.ShareMode;
import dev.daybook.slack.blockkit.FormValues;
import dev.daybook.slack.blockkit.SlackText;
import dev.daybook.slack.client.SlackCalls;
import dev.daybook.slack.people.MySettingsModal;
import dev.daybook.slack.transport.DaybookSubcommand;
import dev.daybook.slack.transport.SlackListener;

/** {@code /daybook settings}: the channel's project settings, in a form. */
@Component
public class SettingsModal implements SlackListener, DaybookSubcommand {

    public static final String CALLBACK = "daybook_settings";
    public static final String CLIENT = "client";
    public static final String CATEGORY = "default_category";
    public static final String SHARING = "share_mode";
    public static final String ZONE = "time_zone";
    static final String VALUE = FormValues.VALUE;

    private static final Logger log = LoggerFactory.getLogger(SettingsModal.class);

    private final ProjectDirectory projects;
    private final SlackCalls slack;
    private final MySettingsModal mySettings;
    private final List<ProjectSettingsSection> sections;
    private final Leadership leadership;

    SettingsModal(ProjectDirectory projects, SlackCalls slack, MySettingsModal mySettings,
            List<ProjectSettingsSection> sections, Leadership leadership) {
        this.leadership = leadership;
        this.projects = projects;
        this.slack = slack;
        this.mySettings = mySettings;
        this.sections = sections.stream().sorted(Comparator.comparingInt(ProjectSettingsSection::order)).toList();
    }

    @Override
    public String name() {
        return "settings";
    }

    @Override
    public String usage() {
        return "/daybook settings";
    }

    @Override
    public String summary() {
        return "this channel's project: client, default budget category, where updates are shared; "
                + "and your own reminder time and working days";
    }

    @Override
    public void register(App app) {
        app.viewSubmission(CALLBACK, this::submit);
    }

    @Override
    public Response handle(Invocation invocation, SlashCommandContext ctx) {
        Optional<Project> project = projects.byChannel(invocation.teamId(), invocation.channelId());
        if (project.isEmpty()) {
            // Outside a project there is nothing to set but the person's own settings.
            boolean opened = mySettings.open(invocation.teamId(), invocation.userId(), invocation.triggerId(), false);
            return ctx.ack("This channel is not a project yet: the first update posted here makes it one. "
                    + "Then `/daybook settings` sets its client, default category and sharing."
                    + (opened ? " Meanwhile, here are your own settings." : ""));
        }
        if (!leadership.mayLead(project.get(), invocation.userId())) {
            return ctx.ack(r -> r.responseType("ephemeral").text(leadership.refusal(project.get(), "change its settings")
                    + " Your own reminder time and working days are under *My settings* in Daybook's App Home."));
        }
        try {
            slack.call(invocation.teamId(), "views.open", SlackCalls.Patience.NONE,
                    c -> c.viewsOpen(r -> r.triggerId(invocation.triggerId()).view(form(project.get()))));
            return ctx.ack();
        } catch (RuntimeException e) {
            log.warn("Could not open the settings form: {}", e.getMessage());
            return ctx.ack("Slack did not let me open the settings form just now. Please try again.");
        }
    }

    View form(Project project) {
        OptionObject[] categories = Arrays.stream(Category.values()).map(SettingsModal::categoryOption)
                .toArray(OptionObject[]::new);
        OptionObject[] sharing = Arrays.stream(ShareMode.values()).map(SettingsModal::sharingOption)
                .toArray(OptionObject[]::new);
        List<LayoutBlock> blocks = new ArrayList<>(List.of(
                section(s -> s.text(markdownText("Settings for *#" + SlackText.escape(project.name()) + "*")).blockId("about")),
                input(i -> i.blockId(CLIENT).optional(true).label(plainText("Client"))
                        .element(plainTextInput(p -> {
                            p.actionId(VALUE).maxLength(200).placeholder(plainText("Who the project is for"));
                            if (project.client() != null) {
                                p.initialValue(project.client());
                            }
                            return p;
                        }))),
                input(i -> i.blockId(CATEGORY).label(plainText("Untagged items count as"))
                        .element(staticSelect(s -> s.actionId(VALUE).options(List.of(categories))
                                .initialOption(categoryOption(project.defaultCategory()))))),
                input(i -> i.blockId(SHARING).label(plainText("Share updates from /update"))
                        .element(radioButtons(r -> r.actionId(VALUE).options(List.of(sharing))
                                .initialOption(sharingOption(project.shareMode()))))),
                input(i -> i.blockId(ZONE).optional(true).label(plainText("Project time zone"))
                        .hint(plainText("For the project's schedules, like Europe/London. Empty: the deployment default."))
                        .element(plainTextInput(p -> {
                            p.actionId(VALUE).maxLength(64);
                            if (project.timeZone() != null) {
                                p.initialValue(project.timeZone().getId());
                            }
                            return p;
                        })))));
        sections.forEach(section -> blocks.addAll(section.blocks(project)));
        List<dev.daybook.projects.ProjectLeads.Lead> leads = leadership.leads(project);
        blocks.add(context(c -> c.blockId("leads").elements(List.of(markdownText("*Leads* (who change these settings): "
                + (leads.isEmpty() ? "none yet" : Leadership.mentions(leads))
                + ", and the workspace's admins and owners. `/daybook leads add @person` names another.")))));
        blocks.addAll(List.of(
                context(c -> c.elements(List.of(markdownText(
                        "Your own reminder time and working days are in *My settings*; your time zone follows your Slack profile.")))),
                actions(a -> a.blockId("my_settings").elements(List.of(button(b -> b.actionId(MySettingsModal.OPEN)
                        .text(plainText("My settings")).value("project")))))));
        return view(v -> v.type("modal").callbackId(CALLBACK).privateMetadata(project.channelId())
                .title(viewTitle(t -> t.type("plain_text").text("Project settings")))
                .submit(viewSubmit(s -> s.type("plain_text").text("Save")))
                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                .blocks(blocks));
    }

    Response submit(ViewSubmissionRequest request, ViewSubmissionContext ctx) {
        View submitted = request.getPayload().getView();
        FormValues values = FormValues.of(submitted);
        String channelId = submitted.getPrivateMetadata();
        String teamId = ctx.getTeamId();
        Optional<Project> project = channelId == null ? Optional.empty() : projects.byChannel(teamId, channelId);
        if (project.isEmpty()) {
            return ctx.ackWithErrors(Map.of(CLIENT, "This project no longer exists."));
        }
        if (!leadership.mayLead(project.get(), request.getPayload().getUser() == null ? null : request.getPayload().getUser().getId())) {
            // Only a lead is shown the form; a submission from anyone else is forged or stale, and changes nothing.
            log.info("Settings: refused a submission by someone who does not lead project {}.", project.get().id());
            return ctx.ackWithErrors(Map.of(CLIENT, "Only the project's leads can change its settings; nothing was saved."));
        }
        ZoneId zone;
        String zoneText = values.text(ZONE);
        try {
            zone = zoneText.isBlank() ? null : ZoneId.of(zoneText.strip());
        } catch (DateTimeException e) {
            return ctx.ackWithErrors(Map.of(ZONE, "Use a time zone name like Europe/London or America/Los_Angeles."));
        }
        Category category = enumValue(Category.class, values.selectedOption(CATEGORY), Category.CORE);
        ShareMode sharing = enumValue(ShareMode.class, values.selectedOption(SHARING), ShareMode.CHANNEL);
        Map<String, String> errors = new LinkedHashMap<>();
        sections.forEach(section -> errors.putAll(section.check(project.get(), values)));
        if (!errors.isEmpty()) {
            return ctx.ackWithErrors(errors);
        }
        sections.forEach(section -> section.save(project.get(), values));
        Project saved = projects.changeSettings(teamId, channelId,
                new ProjectSettings(values.text(CLIENT), category, sharing, zone));
        return ctx.ackWithUpdate(view(v -> v.type("modal").callbackId(CALLBACK + "_done")
                .title(viewTitle(t -> t.type("plain_text").text("Project settings")))
                .close(viewClose(c -> c.type("plain_text").text("Close")))
                .blocks(List.of(section(s -> s.text(markdownText(
                        ":white_check_mark: Saved the settings for *#" + SlackText.escape(saved.name()) + "*.")))))));
    }

    private static OptionObject categoryOption(Category category) {
        String label = switch (category) {
            case CORE -> "Core (70)";
            case ADJACENT -> "Adjacent (20)";
            case MOONSHOT -> "Moonshot (10)";
        };
        return option(plainText(label), category.name());
    }

    private static OptionObject sharingOption(ShareMode mode) {
        String label = switch (mode) {
            case CHANNEL -> "Each update as its own message";
            case DAILY_THREAD -> "One thread per day (for busy channels)";
        };
        return option(plainText(label), mode.name());
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String value, E otherwise) {
        try {
            return value == null ? otherwise : Enum.valueOf(type, value);
        } catch (IllegalArgumentException e) {
            return otherwise;
        }
    }
}
