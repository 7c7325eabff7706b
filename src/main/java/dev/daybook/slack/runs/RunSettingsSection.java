package dev.daybook.slack.runs;

import static com.slack.api.model.block.Blocks.actions;
import static com.slack.api.model.block.Blocks.input;
import static com.slack.api.model.block.Blocks.section;
import static com.slack.api.model.block.composition.BlockCompositions.confirmationDialog;
import static com.slack.api.model.block.composition.BlockCompositions.markdownText;
import static com.slack.api.model.block.composition.BlockCompositions.plainText;
import static com.slack.api.model.block.element.BlockElements.button;
import static com.slack.api.model.block.element.BlockElements.plainTextInput;
import static com.slack.api.model.view.Views.view;
import static com.slack.api.model.view.Views.viewClose;
import static com.slack.api.model.view.Views.viewTitle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.slack.api.app_backend.interactive_components.payload.BlockActionPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.ActionContext;
import com.slack.api.bolt.request.builtin.BlockActionRequest;
import com.slack.api.bolt.response.Response;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.view.View;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.daybook.access.ApiTokens;
import dev.daybook.projects.Project;
import dev.daybook.projects.ProjectDirectory;
import dev.daybook.runs.MlflowPolling;
import dev.daybook.runs.RunService;
import dev.daybook.runs.TrackingServer;
import dev.daybook.slack.blockkit.FormValues;
import dev.daybook.slack.blockkit.SlackText;
import dev.daybook.slack.client.SlackCalls;
import dev.daybook.slack.client.SlackPeople;
import dev.daybook.slack.client.SlackRefused;
import dev.daybook.slack.settings.Leadership;
import dev.daybook.slack.settings.ProjectSettingsSection;
import dev.daybook.slack.transport.SlackListener;

/**
 * The runs part of {@code /daybook settings}: the project's MLflow tracking server, and a button that
 * creates an API token for training scripts, shown once in a form of its own.
 */
@Component
class RunSettingsSection implements ProjectSettingsSection, SlackListener {

    static final String MLFLOW_URL = "mlflow_url";
    static final String MLFLOW_TOKEN = "mlflow_token";
    static final String MLFLOW_EXPERIMENTS = "mlflow_experiments";
    static final String MLFLOW_OWNERS = "mlflow_owners";
    static final String NEW_TOKEN = "daybook_new_api_token";
    static final String REVOKE_TOKENS = "daybook_revoke_api_tokens";
    static final String REVOKE_TOKEN = "daybook_revoke_api_token";
    /** Tokens listed one by one in the form; more are counted (a form holds 100 blocks). */
    static final int TOKENS_LISTED = 10;
    private static final java.time.format.DateTimeFormatter WHEN =
            java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(java.time.ZoneOffset.UTC);
    /** Typed in the token field, removes the stored MLflow token. */
    static final String NONE = "none";
    private static final Logger log = LoggerFactory.getLogger(RunSettingsSection.class);

    private final RunService runs;
    private final ApiTokens tokens;
    private final ProjectDirectory projects;
    private final SlackCalls slack;
    private final Leadership leadership;
    private final MlflowPolling polling;
    private final SlackPeople people;

    RunSettingsSection(RunService runs, ApiTokens tokens, ProjectDirectory projects, SlackCalls slack, Leadership leadership,
                       MlflowPolling polling, SlackPeople people) {
        this.leadership = leadership;
        this.people = people;
        this.polling = polling;
        this.runs = runs;
        this.tokens = tokens;
        this.projects = projects;
        this.slack = slack;
    }

    @Override
    public int order() {
        return 500;
    }

    @Override
    public List<LayoutBlock> blocks(Project project) {
        Optional<TrackingServer> server = runs.trackingServer(project.teamId(), project.id());
        List<ApiTokens.TokenInfo> listed = tokens.list(project.teamId(), project.id());
        int count = listed.size();
        List<MlflowPolling.WatchedExperiment> watched = polling.watched(project.teamId(), project.id());
        String mapped = OwnerMappingText.text(polling.ownerMapping(project.teamId(), project.id()));
        List<LayoutBlock> blocks = new ArrayList<>(List.of(
                input(i -> i.blockId(MLFLOW_URL).optional(true).label(plainText("MLflow tracking server"))
                        .hint(plainText("Like https://mlflow.example.com. Runs named in updates get their metrics from it."))
                        .element(plainTextInput(p -> {
                            p.actionId(FormValues.VALUE).maxLength(500);
                            server.ifPresent(s -> p.initialValue(s.url()));
                            return p;
                        }))),
                input(i -> i.blockId(MLFLOW_TOKEN).optional(true).label(plainText("MLflow token"))
                        .hint(plainText(server.map(TrackingServer::tokenUnreadable).orElse(false)
                                ? "The stored token can no longer be read (Daybook's encryption key changed): "
                                        + "type it again, or 'none' if the server needs none. Until then runs are not fetched."
                                : server.map(TrackingServer::token).isPresent()
                                ? "A token is stored for this address. Leave empty to keep it (a new address needs its "
                                        + "token again), or type 'none' to remove it."
                                : "Only if the server needs one."))
                        .element(plainTextInput(p -> p.actionId(FormValues.VALUE).maxLength(500)))),
                input(i -> i.blockId(MLFLOW_EXPERIMENTS).optional(true).label(plainText("Watched MLflow experiments"))
                        .hint(plainText("Experiment ids, comma-separated, at most " + MlflowPolling.MAX_EXPERIMENTS
                                + ", like 12, 47. Daybook looks for runs that finish in them and asks each run's owner "
                                + "to mention it in their update."))
                        .element(plainTextInput(p -> {
                            p.actionId(FormValues.VALUE).maxLength(700);
                            if (!watched.isEmpty()) {
                                p.initialValue(String.join(", ", watched.stream()
                                        .map(MlflowPolling.WatchedExperiment::experimentId).toList()));
                            }
                            return p;
                        }))),
                input(i -> i.blockId(MLFLOW_OWNERS).optional(true).label(plainText("Who MLflow users are in Slack"))
                        .hint(plainText("One a line, like ada = U0123ABC (a member ID: Slack profile, ⋮ › Copy member ID) "
                                + "or ada = ada@acme.io (the e-mail the person has in Slack); at most "
                                + OwnerMappingText.MOST_LINES + ". Without a line, a run's owner is found by their MLflow e-mail."))
                        .element(plainTextInput(p -> {
                            p.actionId(FormValues.VALUE).multiline(true).maxLength(OwnerMappingText.MOST_CHARS);
                            if (!mapped.isEmpty()) {
                                p.initialValue(mapped);
                            }
                            return p;
                        }))),
                section(s -> s.blockId("wandb").text(markdownText(SlackText.escape(wandb(runs.wandbStatus()))))),
                section(s -> s.blockId("api_tokens").text(markdownText("*API tokens for training scripts*: "
                                + (count == 0 ? "none yet." : count + " created.") + " A token is shown once, when it is created."))
                        .accessory(button(b -> b.actionId(NEW_TOKEN).text(plainText("Create an API token"))
                                .value(Long.toString(project.id())))))));
        String problems = watchProblems(watched);
        if (!problems.isEmpty()) {
            // right below the watched experiments they are about
            blocks.add(3, section(s -> s.blockId("mlflow_watch_problems").text(markdownText(problems))));
        }
        for (ApiTokens.TokenInfo token : listed.subList(0, Math.min(TOKENS_LISTED, count))) {
            blocks.add(section(s -> s.blockId("api_token_" + token.id()).text(markdownText(describe(token)))
                    .accessory(button(b -> b.actionId(REVOKE_TOKEN).text(plainText("Revoke"))
                            .value(project.id() + ":" + token.id())
                            .confirm(confirmationDialog(c -> c.title(plainText("Revoke token " + token.id() + "?"))
                                    .text(plainText("A script using it is refused at once. This cannot be undone."))
                                    .confirm(plainText("Revoke"))
                                    .deny(plainText("Cancel"))
                                    .style("danger")))))));
        }
        if (count > TOKENS_LISTED) {
            blocks.add(section(s -> s.blockId("api_tokens_more").text(markdownText("…and " + (count - TOKENS_LISTED)
                    + " older ones: `GET /api/v1/projects/<name>/tokens` lists them all."))));
        }
        if (count > 0) {
            // A leaked token is revoked from here without waiting for the admin, on its own above or
            // all at once here.
            blocks.add(actions(a -> a.blockId("api_tokens_revoke").elements(List.of(
                    button(b -> b.actionId(REVOKE_TOKENS).style("danger").text(plainText("Revoke all API tokens"))
                            .value(Long.toString(project.id()))
                            .confirm(confirmationDialog(c -> c.title(plainText("Revoke all API tokens?"))
                                    .text(plainText("Scripts using any of the " + count + " tokens of #" + project.name()
                                            + " will be refused at once. This cannot be undone."))
                                    .confirm(plainText("Revoke all"))
                                    .deny(plainText("Cancel"))
                                    .style("danger"))))))));
        }
        return blocks;
    }

    /** The watched experiments whose latest look failed, and why, in a line each. */
    static String watchProblems(List<MlflowPolling.WatchedExperiment> watched) {
        StringBuilder text = new StringBuilder();
        for (MlflowPolling.WatchedExperiment experiment : watched) {
            if (experiment.lastError() != null) {
                text.append(text.isEmpty() ? "" : "\n").append(":warning: Experiment ")
                        .append(SlackText.escape(experiment.experimentId())).append(" (")
                        .append(WHEN.format(experiment.lastErrorAt())).append("): ")
                        .append(SlackText.escape(experiment.lastError()));
            }
        }
        return text.toString();
    }

    /** What settings say of W&B: the key is the operator's, so this only tells the lead what happens. */
    static String wandb(dev.daybook.runs.WandbStatus status) {
        if (!status.configured()) {
            return "*W&B*: runs are not read from W&B (no W&B API key is configured: the operator sets "
                    + "`DAYBOOK_WANDB_APIKEY`). Metrics written next to a W&B link are kept as written.";
        }
        if (status.keyRefusedAt() != null) {
            return "*W&B*: :warning: W&B refused Daybook's API key on " + WHEN.format(status.keyRefusedAt())
                    + ": runs are not read from W&B until the operator sets a working `DAYBOOK_WANDB_APIKEY`.";
        }
        return "*W&B*: runs named by their W&B link get their config, commit and summary metrics from W&B.";
    }

    static String describe(ApiTokens.TokenInfo token) {
        String by = token.createdByAdmin() ? "the admin (API)" : "<@" + token.createdBy() + ">";
        return "Token " + token.id() + " · created by " + by + " on " + WHEN.format(token.createdAt()) + " · "
                + (token.lastUsedAt() == null ? "never used" : "last used " + WHEN.format(token.lastUsedAt()));
    }

    @Override
    public Map<String, String> check(Project project, FormValues values) {
        Map<String, String> errors = new LinkedHashMap<>();
        String url = values.text(MLFLOW_URL) == null ? null : values.text(MLFLOW_URL).strip();
        String token = values.text(MLFLOW_TOKEN);
        boolean addressGiven = url != null && !url.isBlank();
        if (addressGiven) {
            runs.problemWithTrackingServer(url).ifPresent(problem -> errors.put(MLFLOW_URL, problem));
        }
        String experiments = values.text(MLFLOW_EXPERIMENTS);
        if (experiments != null && !experiments.isBlank()) {
            MlflowPolling.problemWithExperiments(experiments).ifPresentOrElse(problem -> errors.put(MLFLOW_EXPERIMENTS, problem),
                    () -> {
                        if (!addressGiven) {
                            errors.put(MLFLOW_EXPERIMENTS, "Watching experiments needs the MLflow server's address above.");
                        }
                    });
        }
        ownerProblem(project, values.text(MLFLOW_OWNERS)).ifPresent(problem -> errors.put(MLFLOW_OWNERS, problem));
        if (token != null && !token.isBlank() && !addressGiven) {
            errors.put(MLFLOW_TOKEN, "A token needs a server address above.");
        } else if (token != null && !token.isBlank() && !NONE.equalsIgnoreCase(token.strip()) && !runs.canStoreTrackingTokens()) {
            errors.put(MLFLOW_TOKEN, "Daybook keeps MLflow tokens only encrypted, and no encryption key is set. "
                    + "Ask whoever runs Daybook to set DAYBOOK_ENCRYPTION_KEY, then add the token again.");
        } else if ((token == null || token.isBlank()) && addressGiven && !errors.containsKey(MLFLOW_URL)
                && storedToken(project) && !runs.isCurrentTrackingServer(project.teamId(), project.id(), url)) {
            errors.put(MLFLOW_TOKEN, "The stored token is for the server's old address, and Daybook sends a token only "
                    + "where it was given. Type the token for the new address, or 'none' if it needs none.");
        }
        return errors;
    }

    /**
     * What is wrong with the typed owner mapping: its form first, then whether Slack knows each person
     * (a line saved before was checked then, and is not asked about again, to keep the form quick).
     */
    private Optional<String> ownerProblem(Project project, String typed) {
        OwnerMappingText.Read read = OwnerMappingText.read(typed);
        if (read.problem() != null) {
            return Optional.of(read.problem());
        }
        List<MlflowPolling.OwnerMapping> stored = polling.ownerMapping(project.teamId(), project.id());
        for (OwnerMappingText.Line line : read.lines()) {
            if (stored.contains(new MlflowPolling.OwnerMapping(line.mlflowUser(), line.slackUser()))) {
                continue;
            }
            try {
                if (line.isEmail()) {
                    if (people.byEmail(project.teamId(), line.slackUser(), SlackCalls.Patience.NONE).isEmpty()) {
                        return Optional.of("Line " + line.number() + ": no person in this Slack workspace has the e-mail "
                                + line.slackUser() + ". Check it, or write their member ID instead.");
                    }
                } else {
                    Optional<Boolean> person = people.isPerson(project.teamId(), line.slackUser());
                    if (person.isEmpty()) {
                        return Optional.of("Slack did not let me check who " + line.slackUser() + " (line " + line.number()
                                + ") is just now; nothing was saved. Please try again in a moment.");
                    }
                    if (!person.get()) {
                        return Optional.of("Line " + line.number() + ": Slack knows no person " + line.slackUser()
                                + " in this workspace (or it is a bot, or deactivated).");
                    }
                }
            } catch (SlackRefused | dev.daybook.slack.client.SlackUnavailable e) {
                log.info("Slack: could not look up an e-mail of the MLflow owner mapping ({}).", e.getMessage());
                return Optional.of("Slack did not let me check the e-mail on line " + line.number()
                        + " just now; nothing was saved. Please try again in a moment.");
            }
        }
        return Optional.empty();
    }

    private boolean storedToken(Project project) {
        return runs.trackingServer(project.teamId(), project.id()).map(TrackingServer::token).isPresent();
    }

    @Override
    public void save(Project project, FormValues values) {
        // checked already: who the owners are does not depend on the server, and stays if it is removed
        polling.mapOwners(project.teamId(), project.id(), OwnerMappingText.mapping(OwnerMappingText.read(values.text(MLFLOW_OWNERS))));
        String url = values.text(MLFLOW_URL);
        if (url == null || url.isBlank()) {
            runs.setTrackingServer(project.teamId(), project.id(), null);
            return;
        }
        String typed = values.text(MLFLOW_TOKEN);
        if (typed == null || typed.isBlank()) {
            // keeps the stored token only if the address is the same server's
            runs.setTrackingServerAddress(project.teamId(), project.id(), url.strip());
        } else {
            String token = NONE.equalsIgnoreCase(typed.strip()) ? null : typed.strip();
            runs.setTrackingServer(project.teamId(), project.id(), new TrackingServer(url.strip(), token));
        }
        polling.watch(project.teamId(), project.id(), values.text(MLFLOW_EXPERIMENTS));
    }

    @Override
    public void register(App app) {
        app.blockAction(NEW_TOKEN, this::createToken);
        app.blockAction(REVOKE_TOKENS, this::revokeTokens);
        app.blockAction(REVOKE_TOKEN, this::revokeToken);
    }

    /** One token's Revoke button: its value is {@code <project id>:<token id>}, both checked against the workspace. */
    Response revokeToken(BlockActionRequest request, ActionContext ctx) {
        BlockActionPayload payload = request.getPayload();
        String value = payload.getActions() == null || payload.getActions().isEmpty() ? null : payload.getActions().get(0).getValue();
        String[] parts = value == null ? new String[0] : value.split(":", -1);
        Optional<Project> project;
        long tokenId;
        try {
            if (parts.length != 2) {
                return ctx.ack();
            }
            project = projects.byId(Long.parseLong(parts[0])).filter(p -> p.teamId().equals(ctx.getTeamId()));
            tokenId = Long.parseLong(parts[1]);
        } catch (NumberFormatException e) {
            return ctx.ack();
        }
        if (project.isEmpty()) {
            return ctx.ack();
        }
        if (!leadership.mayLead(project.get(), payload.getUser().getId())) {
            return refuse(payload, ctx, project.get(), "revoke its API tokens");
        }
        boolean revoked = tokens.revokeOne(ctx.getTeamId(), project.get().id(), tokenId);
        log.info("API tokens: {} revoked token {} of project {} ({}).", payload.getUser().getId(), tokenId, project.get().id(),
                revoked ? "done" : "no such token");
        String text = revoked
                ? "Revoked token " + tokenId + " of *#" + SlackText.escape(project.get().name()) + "*: a script using it is refused from now on."
                : "*#" + SlackText.escape(project.get().name()) + "* has no token " + tokenId + " (revoked already?).";
        View shown = view(v -> v.type("modal").callbackId("daybook_api_token_revoked")
                .title(viewTitle(t -> t.type("plain_text").text("API tokens")))
                .close(viewClose(c -> c.type("plain_text").text("Done")))
                .blocks(List.of(section(s -> s.text(markdownText(text))))));
        try {
            slack.call(ctx.getTeamId(), "views.push", SlackCalls.Patience.NONE,
                    c -> c.viewsPush(r -> r.triggerId(payload.getTriggerId()).view(shown)));
        } catch (RuntimeException e) {
            log.info("Slack: could not confirm a revoked API token ({}); it is revoked.", e.getMessage());
        }
        return ctx.ack();
    }

    Response revokeTokens(BlockActionRequest request, ActionContext ctx) {
        BlockActionPayload payload = request.getPayload();
        Optional<Project> project = projectOf(payload, ctx.getTeamId());
        if (project.isEmpty()) {
            return ctx.ack();
        }
        if (!leadership.mayLead(project.get(), payload.getUser().getId())) {
            return refuse(payload, ctx, project.get(), "revoke its API tokens");
        }
        int revoked = tokens.revokeAll(ctx.getTeamId(), project.get().id());
        log.info("API tokens: {} revoked {} tokens of project {}.", payload.getUser().getId(), revoked, project.get().id());
        View shown = view(v -> v.type("modal").callbackId("daybook_api_tokens_revoked")
                .title(viewTitle(t -> t.type("plain_text").text("API tokens")))
                .close(viewClose(c -> c.type("plain_text").text("Done")))
                .blocks(List.of(section(s -> s.text(markdownText(revoked == 0
                        ? "*#" + SlackText.escape(project.get().name()) + "* has no API tokens."
                        : "Revoked " + revoked + (revoked == 1 ? " API token" : " API tokens") + " of *#"
                                + SlackText.escape(project.get().name()) + "*: scripts using them are refused from now on."))))));
        try {
            slack.call(ctx.getTeamId(), "views.push", SlackCalls.Patience.NONE,
                    c -> c.viewsPush(r -> r.triggerId(payload.getTriggerId()).view(shown)));
        } catch (RuntimeException e) {
            log.info("Slack: could not confirm revoked API tokens ({}); they are revoked.", e.getMessage());
        }
        return ctx.ack();
    }

    /** A button only leads are shown, pressed by someone else (a stale form, or forged): nothing changes. */
    private Response refuse(BlockActionPayload payload, ActionContext ctx, Project project, String what) {
        log.info("API tokens: refused a request by someone who does not lead project {}.", project.id());
        View shown = view(v -> v.type("modal").callbackId("daybook_api_tokens_refused")
                .title(viewTitle(t -> t.type("plain_text").text("API tokens")))
                .close(viewClose(c -> c.type("plain_text").text("Close")))
                .blocks(List.of(section(s -> s.text(markdownText(leadership.refusal(project, what)))))));
        try {
            slack.call(ctx.getTeamId(), "views.push", SlackCalls.Patience.NONE,
                    c -> c.viewsPush(r -> r.triggerId(payload.getTriggerId()).view(shown)));
        } catch (RuntimeException e) {
            log.info("Slack: could not show a refusal ({}).", e.getMessage());
        }
        return ctx.ack();
    }

    private Optional<Project> projectOf(BlockActionPayload payload, String teamId) {
        String value = payload.getActions() == null || payload.getActions().isEmpty() ? null : payload.getActions().get(0).getValue();
        try {
            return value == null ? Optional.empty() : projects.byId(Long.parseLong(value))
                    .filter(p -> p.teamId().equals(teamId));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    Response createToken(BlockActionRequest request, ActionContext ctx) {
        BlockActionPayload payload = request.getPayload();
        Optional<Project> project = projectOf(payload, ctx.getTeamId());
        if (project.isEmpty()) {
            return ctx.ack();
        }
        if (!leadership.mayLead(project.get(), payload.getUser().getId())) {
            return refuse(payload, ctx, project.get(), "create API tokens for it");
        }
        String token = tokens.create(ctx.getTeamId(), project.get().id(), payload.getUser().getId());
        View shown = view(v -> v.type("modal").callbackId("daybook_api_token_shown")
                .title(viewTitle(t -> t.type("plain_text").text("API token")))
                .close(viewClose(c -> c.type("plain_text").text("Done")))
                .blocks(List.of(section(s -> s.text(markdownText("Token for *#" + SlackText.escape(project.get().name())
                        + "* (shown only now; copy it into your script's `DAYBOOK_TOKEN`):\n```" + token + "```"))))));
        try {
            slack.call(ctx.getTeamId(), "views.push", SlackCalls.Patience.NONE,
                    c -> c.viewsPush(r -> r.triggerId(payload.getTriggerId()).view(shown)));
        } catch (RuntimeException e) {
            log.info("Slack: could not show a new API token ({}); withdrawing it.", e.getMessage());
            tokens.revoke(token);
        }
        return ctx.ack();
    }
}
