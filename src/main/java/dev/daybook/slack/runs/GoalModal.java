package dev.daybook.slack.runs;

import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.composition.BlockCompositions.option;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.block.element.BlockElements.staticSelect;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewSubmit;
import static com.slack.api.model.view.Views.viewTitle;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.context.builtin.ViewSubmissionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.request.builtin.ViewSubmissionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.composition.OptionObject;
import com.slack.api.model.view.View;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.daybook.goals.GoalDraft;
import dev.daybook.goals.GoalService;
import dev.daybook.goals.GoalStatus;
import dev.daybook.goals.GoalView;
import dev.daybook.projects.Project;
import dev.daybook.projects.ProjectDirectory;
import dev.daybook.slack.blockkit.FormValues;
import dev.daybook.slack.client.SlackCalls;
import dev.daybook.slack.transport.SlackListener;

/**
 * The form that adds or edits a client goal. Its private metadata is {@code <projectId>} or
 * {@code <projectId>:<goalId>}; the project is checked against the workspace on submit.
 */
@Component
class GoalModal implements SlackListener {

    static final String CALLBACK = "daybook_goal";
    static final String ADD = "daybook_goal_add";
    static final String EDIT = "daybook_goal_edit";
    private static final Logger log = LoggerFactory.getLogger(GoalModal.class);

    private final GoalService goals;
    private final ProjectDirectory projects;
    private final SlackCalls slack;

    GoalModal(GoalService goals, ProjectDirectory projects, SlackCalls slack) {
        this.goals = goals;
        this.projects = projects;
        this.slack = slack;
    }

    @Override
    public void register(App app) {
        app.viewSubmission(CALLBACK, this::submit);
        app.blockAction(ADD, this::openFromButton);
        app.blockAction(EDIT, this::openFromButton);
    }

    /** Opens the form for a new goal ({@code goal} null) or to edit one; false when Slack would not. */
    boolean open(String teamId, Project project, GoalView goal, String triggerId) {
        View form = form(project, goal);
        try {
            slack.call(teamId, "views.open", SlackCalls.Patience.NONE, c -> c.viewsOpen(r -> r.triggerId(triggerId).view(form)));
            return true;
        } catch (RuntimeException e) {
            log.info("Slack: could not open the goal form ({}).", e.getMessage());
            return false;
        }
    }

    Response openFromButton(BlockActionRequest request, ActionContext ctx) {
        BlockActionPayload payload = request.getPayload();
        String value = payload.getActions() == null || payload.getActions().isEmpty() ? null : payload.getActions().get(0).getValue();
        Metadata target = Metadata.read(value);
        if (target == null) {
            return ctx.ack();
        }
        Optional<Project> project = projects.byId(target.projectId()).filter(p -> p.teamId().equals(ctx.getTeamId()));
        if (project.isEmpty()) {
            return ctx.ack();
        }
        GoalView goal = target.goalId() == null ? null : goals.byId(ctx.getTeamId(), target.goalId())
                .filter(g -> g.projectId() == project.get().id()).orElse(null);
        open(ctx.getTeamId(), project.get(), goal, payload.getTriggerId());
        return ctx.ack();
    }

    View form(Project project, GoalView goal) {
        String metadata = project.id() + (goal == null ? "" : ":" + goal.id());
        List<LayoutBlock> blocks = List.of(
                text(GoalService.SLUG, "Short name", "Items refer to it as #short-name, like #invoice-precision.",
                        goal == null ? null : goal.slug(), 63, false),
                text(GoalService.STATEMENT, "What the client was promised", null,
                        goal == null ? null : goal.statement(), 2000, false),
                text(GoalService.CLIENT, "Client", null,
                        goal == null ? project.client() : goal.client(), 255, true),
                text(GoalService.TARGET, "Metric target", "Like precision >= 0.90 or loss < 0.2; progress comes from verified runs.",
                        goal == null || goal.target() == null ? null : goal.target().toString(), 120, true),
                text(GoalService.DUE, "Due date", "Like 2026-12-31.",
                        goal == null || goal.due() == null ? null : goal.due().toString(), 10, true),
                text(GoalService.REFERENCE_DATASET, "Reference dataset",
                        "What the target is measured on, like invoices or invoices@v4. Runs measured on another "
                                + "dataset count once a teammate confirms they are comparable.",
                        goal == null ? null : goal.referenceDataset(), 255, true),
                text(GoalService.REFERENCE_SPLIT, "Reference split", "Like test.",
                        goal == null ? null : goal.referenceSplit(), 64, true),
                status(goal == null ? GoalStatus.ACTIVE : goal.status()));
        return view(v -> v.type("modal").callbackId(CALLBACK).privateMetadata(metadata)
                .title(viewTitle(t -> t.type("plain_text").text(goal == null ? "Add a goal" : "Edit a goal")))
                .submit(viewSubmit(s -> s.type("plain_text").text("Save")))
                .close(viewClose(c -> c.type("plain_text").text("Cancel")))
                .blocks(blocks));
    }

    Response submit(ViewSubmissionRequest request, ViewSubmissionContext ctx) {
        View view = request.getPayload().getView();
        Metadata target = Metadata.read(view.getPrivateMetadata());
        Optional<Project> project = target == null ? Optional.empty()
                : projects.byId(target.projectId()).filter(p -> p.teamId().equals(ctx.getTeamId()));
        if (project.isEmpty()) {
            return ctx.ackWithErrors(Map.of(GoalService.SLUG, "This form is out of date; run `/daybook goals` again."));
        }
        FormValues values = FormValues.of(view);
        GoalDraft draft = new GoalDraft(values.text(GoalService.SLUG), values.text(GoalService.STATEMENT),
                values.text(GoalService.CLIENT), values.text(GoalService.TARGET), values.text(GoalService.DUE),
                values.selectedOption(GoalService.STATUS), values.text(GoalService.REFERENCE_DATASET),
                values.text(GoalService.REFERENCE_SPLIT));
        GoalService.Saved saved = goals.save(ctx.getTeamId(), project.get().id(), target.goalId(), draft);
        if (!saved.errors().isEmpty()) {
            return ctx.ackWithErrors(new LinkedHashMap<>(saved.errors()));
        }
        return ctx.ack();
    }

    private static LayoutBlock status(GoalStatus current) {
        List<OptionObject> options = Arrays.stream(GoalStatus.values()).map(GoalModal::statusOption).toList();
        return input(i -> i.blockId(GoalService.STATUS).label(plainText("Status")).optional(true)
                .element(staticSelect(s -> s.actionId(FormValues.VALUE).options(options)
                        .initialOption(statusOption(current)))));
    }

    private static OptionObject statusOption(GoalStatus status) {
        String label = status.label();
        return option(plainText(Character.toUpperCase(label.charAt(0)) + label.substring(1)), status.name());
    }

    private static LayoutBlock text(String block, String label, String hint, String initial, int max, boolean optional) {
        return input(i -> {
            i.blockId(block).label(plainText(label)).optional(optional)
                    .element(plainTextInput(p -> {
                        p.actionId(FormValues.VALUE).maxLength(max).multiline(GoalService.STATEMENT.equals(block));
                        if (initial != null && !initial.isBlank()) {
                            p.initialValue(initial);
                        }
                        return p;
                    }));
            if (hint != null) {
                i.hint(plainText(hint));
            }
            return i;
        });
    }

    record Metadata(long projectId, Long goalId) {

        static Metadata read(String text) {
            if (text == null || text.isBlank()) {
                return null;
            }
            String[] parts = text.strip().split(":", -1);
            try {
                return switch (parts.length) {
                    case 1 -> new Metadata(Long.parseLong(parts[0]), null);
                    case 2 -> new Metadata(Long.parseLong(parts[0]), Long.parseLong(parts[1]));
                    default -> null;
                };
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }
}
