package dev.daybook.slack.workflows;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import com.google.gson.JsonObject;
import com.slack.api.app_backend.events.payload.EventsApiPayload;
import com.slack.api.bolt.App;
import com.slack.api.bolt.context.builtin.EventContext;
import com.slack.api.bolt.response.Response;
import com.slack.api.methods.response.conversations.ConversationsMembersResponse;
import com.slack.api.model.event.FunctionExecutedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.daybook.digest.Digests;
import dev.daybook.digest.IsoWeek;
import dev.daybook.projects.Project;
import dev.daybook.projects.ProjectDirectory;
import dev.daybook.slack.client.SlackCalls;
import dev.daybook.slack.client.SlackChannels;
import dev.daybook.slack.client.SlackPeople;
import dev.daybook.slack.client.SlackRefused;
import dev.daybook.slack.client.SlackUnavailable;
import dev.daybook.slack.delivery.EventClaims;
import dev.daybook.slack.settings.Leadership;
import dev.daybook.slack.status.StatusAnswers;
import dev.daybook.slack.transport.SlackListener;
import dev.daybook.status.ProjectStatus;
import dev.daybook.status.StatusService;
import dev.daybook.updates.parsing.ParseProblem;
import dev.daybook.updates.RecordUpdate;
import dev.daybook.updates.Recording;
import dev.daybook.updates.Section;
import dev.daybook.updates.UpdateService;
import dev.daybook.updates.UpdateSource;
import dev.daybook.updates.UpdateView;

/**
 * Daybook's Workflow Builder steps ({@code functions} in {@code manifest.yml}), each a
 * {@code function_executed} event: "Record an end-of-day update", "Get project status" and "Post the
 * weekly summary". They call the same services as {@code /update}, {@code /daybook status} and
 * {@code /daybook digest post}, with the same rights. Each execution is claimed once (Slack retries
 * events), its work and the claim commit together, and the completion is sent after the commit by
 * {@link StepCompletions}.
 */
@Component
class WorkflowSteps implements SlackListener {

    static final String RECORD_UPDATE = "record_update";
    static final String PROJECT_STATUS = "project_status";
    static final String WEEKLY_SUMMARY = "post_weekly_summary";

    /** No member of any channel: who asks when a status step names nobody. */
    private static final String NOBODY = "";

    private static final Logger log = LoggerFactory.getLogger(WorkflowSteps.class);

    private final UpdateService updates;
    private final ProjectDirectory projects;
    private final StatusService statuses;
    private final StatusAnswers statusAnswers;
    private final Digests digests;
    private final Leadership leadership;
    private final SlackCalls slack;
    private final SlackChannels channels;
    private final SlackPeople people;
    private final EventClaims claims;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    WorkflowSteps(UpdateService updates, ProjectDirectory projects, StatusService statuses, StatusAnswers statusAnswers,
                  Digests digests, Leadership leadership, SlackCalls slack, SlackChannels channels, SlackPeople people,
                  EventClaims claims, ApplicationEventPublisher events, PlatformTransactionManager transactions,
                  Clock clock) {
        this.updates = updates;
        this.projects = projects;
        this.statuses = statuses;
        this.statusAnswers = statusAnswers;
        this.digests = digests;
        this.leadership = leadership;
        this.slack = slack;
        this.channels = channels;
        this.people = people;
        this.claims = claims;
        this.events = events;
        this.transaction = new TransactionTemplate(transactions);
        this.clock = clock;
    }

    @Override
    public void register(App app) {
        // One handler for every step, so that a step this version does not know (a manifest newer or
        // older than the app) fails with a sentence instead of waiting for Slack's timeout.
        app.function(Pattern.compile(".*"), (request, ctx) -> handle(request, ctx,
                stepFor(request.getEvent().getFunction() == null ? null : request.getEvent().getFunction().getCallbackId())));
    }

    /** A callback id as Slack allows them (letters, digits, _ and -), at most 60 characters. */
    private static String shown(String callbackId) {
        String safe = callbackId == null ? "" : callbackId.replaceAll("[^A-Za-z0-9_-]", "");
        return safe.length() > 60 ? safe.substring(0, 60) : safe;
    }

    private Step stepFor(String callbackId) {
        if (RECORD_UPDATE.equals(callbackId)) {
            return this::recordUpdate;
        }
        if (PROJECT_STATUS.equals(callbackId)) {
            return this::projectStatus;
        }
        if (WEEKLY_SUMMARY.equals(callbackId)) {
            return this::weeklySummary;
        }
        return execution -> () -> execution.failed("Daybook has no step called \"" + shown(callbackId)
                + "\". Its steps are \"Record an end-of-day update\", \"Get project status\" and \"Post the weekly "
                + "summary\"; the app's manifest may be from another version of Daybook.");
    }

    /** One execution of a step: what it needs from Slack is looked up first, then its work runs once. */
    @FunctionalInterface
    private interface Step {
        /** Checks the inputs and prepares the work; the supplier runs in the transaction that claims the execution. */
        Supplier<StepFinished> prepare(Execution execution);
    }

    private record Execution(String teamId, String executionId, String step, StepInputs inputs, Instant at) {
        StepFinished failed(String error) {
            return StepFinished.failed(teamId, executionId, step, error, at);
        }
    }

    private Response handle(EventsApiPayload<FunctionExecutedEvent> request, EventContext ctx, Step step) {
        FunctionExecutedEvent event = request.getEvent();
        String executionId = event.getFunctionExecutionId();
        if (!StepInputs.isExecutionId(executionId)) {
            log.warn("Slack: a function_executed event without a usable function_execution_id; ignored.");
            return ctx.ack();
        }
        String callbackId = event.getFunction() == null ? "" : String.valueOf(event.getFunction().getCallbackId());
        Execution execution = new Execution(ctx.getTeamId(), executionId, callbackId,
                new StepInputs(values(event.getInputs())), clock.instant());
        Supplier<StepFinished> work;
        try {
            work = step.prepare(execution);
        } catch (SlackUnavailable e) {
            work = () -> execution.failed("Slack did not answer Daybook in time while it checked this step's inputs. "
                    + "Nothing was done; run the workflow again in a minute.");
        }
        Supplier<StepFinished> once = work;
        // The claim and the work commit together: a retry that finds the execution claimed does nothing,
        // and a failure leaves neither, so that Slack's retry does the work.
        transaction.executeWithoutResult(status -> {
            if (claims.claim(execution.teamId(), "function:" + executionId)) {
                events.publishEvent(once.get());
            }
        });
        return ctx.ack();
    }

    private Supplier<StepFinished> recordUpdate(Execution execution) {
        StepInputs.Read user = execution.inputs().user("user", "Person");
        StepInputs.Read channel = execution.inputs().channel("project_channel", "Project channel");
        StepInputs.Read text = execution.inputs().updateText("update_text", "Update text");
        Optional<String> problem = firstProblem(user, channel, text);
        if (problem.isPresent()) {
            return () -> execution.failed(problem.get());
        }
        String teamId = execution.teamId();
        String channelName = channels.nameOf(teamId, channel.value());
        String shown = channelName == null ? "the chosen channel" : "#" + channelName;
        Optional<String> membership = membershipProblem(teamId, channel.value(), user.value(), shown);
        if (membership.isPresent()) {
            return () -> execution.failed(membership.get());
        }
        // The author's time zone decides the day it is filed under, as for /update.
        people.refreshIfStale(teamId, user.value());
        return () -> {
            // Added to the day's update, never replacing it: nobody is there to be asked which.
            Recording recording = updates.record(new RecordUpdate(teamId, channel.value(), channelName, user.value(),
                    text.value(), UpdateSource.SLASH_COMMAND, execution.at(), null, null, RecordUpdate.Intent.ADD));
            if (!recording.recorded()) {
                return execution.failed("Nothing was recorded: " + problems(recording) + " Update text is read like "
                        + "/update: write what was done under Update: and what comes next under Next:.");
            }
            UpdateView update = recording.update();
            JsonObject outputs = new JsonObject();
            outputs.addProperty("day", update.day().toString());
            outputs.addProperty("done_count", update.items(Section.UPDATE).size());
            outputs.addProperty("next_count", update.items(Section.NEXT).size());
            outputs.addProperty("blocker_count", update.items(Section.BLOCKER).size());
            return new StepFinished(teamId, execution.executionId(), execution.step(), null, outputs.toString(),
                    update.id(), null, null, execution.at());
        };
    }

    private Supplier<StepFinished> projectStatus(Execution execution) {
        StepInputs.Read channel = execution.inputs().channel("project_channel", "Project channel");
        Optional<StepInputs.Read> askedBy = execution.inputs().optionalUser("asked_by", "Asked by");
        Optional<String> problem = firstProblem(channel, askedBy.orElse(StepInputs.Read.ok(null)));
        if (problem.isPresent()) {
            return () -> execution.failed(problem.get());
        }
        Optional<Project> found = projects.byChannel(execution.teamId(), channel.value());
        if (found.isEmpty()) {
            return () -> execution.failed(notAProject(execution.teamId(), channel.value()));
        }
        Project project = found.get();
        String asker = askedBy.map(StepInputs.Read::value).orElse(null);
        // Without a person the step sees what anyone in the workspace sees: public channels only.
        String refusal = statusAnswers.refusal(project, asker == null ? NOBODY : asker);
        if (refusal != null) {
            return () -> execution.failed(asker == null && !refusal.startsWith("I couldn't")
                    ? "#" + project.name() + " is a private channel: only its members may see its status. Set the "
                            + "step's \"Asked by\" input to a member (for example the person who runs the workflow)."
                    : refusal);
        }
        ProjectStatus status = statuses.status(project);
        JsonObject outputs = new JsonObject();
        outputs.addProperty("summary", StatusOutputs.summary(status));
        outputs.addProperty("open_blockers", status.blockers().size());
        outputs.add("status", StatusOutputs.richText(status));
        return () -> new StepFinished(execution.teamId(), execution.executionId(), execution.step(), null,
                outputs.toString(), null, null, null, execution.at());
    }

    private Supplier<StepFinished> weeklySummary(Execution execution) {
        StepInputs.Read channel = execution.inputs().channel("project_channel", "Project channel");
        StepInputs.Read postedBy = execution.inputs().user("posted_by", "Posted by");
        Optional<String> problem = firstProblem(channel, postedBy);
        if (problem.isPresent()) {
            return () -> execution.failed(problem.get());
        }
        Optional<Project> found = projects.byChannel(execution.teamId(), channel.value());
        if (found.isEmpty()) {
            return () -> execution.failed(notAProject(execution.teamId(), channel.value()));
        }
        Project project = found.get();
        if (!leadership.mayLead(project, postedBy.value())) {
            return () -> execution.failed("Only the leads of #" + project.name() + " (and the workspace's admins and "
                    + "owners) can post its weekly summary, as with /daybook digest post, and the step's \"Posted by\" "
                    + "person is neither. Set it to a lead; a workspace admin names leads with /daybook leads add.");
        }
        return () -> {
            IsoWeek week = digests.currentWeek(project);
            boolean postedNow = digests.postNow(project, postedBy.value()) == Digests.PostNow.POSTING;
            JsonObject outputs = new JsonObject();
            outputs.addProperty("week", week.toString());
            outputs.addProperty("already_posted", !postedNow);
            return new StepFinished(execution.teamId(), execution.executionId(), execution.step(), null,
                    outputs.toString(), null, project.id(), week.monday(), execution.at());
        };
    }

    /**
     * Whether the person may write in the channel: as with {@code /update}, which only its members can
     * type there. Daybook must see the channel too, to share the update in it.
     */
    private Optional<String> membershipProblem(String teamId, String channelId, String userId, String shown) {
        Set<String> members = new HashSet<>();
        String cursor = null;
        try {
            do {
                String page = cursor;
                ConversationsMembersResponse answer = slack.call(teamId, "conversations.members",
                        SlackCalls.Patience.NONE, c -> c.conversationsMembers(r -> {
                            r.channel(channelId).limit(1000);
                            return page == null ? r : r.cursor(page);
                        }));
                if (answer.getMembers() != null) {
                    members.addAll(answer.getMembers());
                }
                cursor = answer.getResponseMetadata() == null ? null : answer.getResponseMetadata().getNextCursor();
            } while (cursor != null && !cursor.isBlank() && !members.contains(userId));
        } catch (SlackRefused refused) {
            return Optional.of("Daybook cannot see " + shown + " (Slack said " + refused.error() + "). Invite Daybook "
                    + "to the channel, or choose the project's channel. Nothing was recorded.");
        }
        return members.contains(userId) ? Optional.empty() : Optional.of("The step's \"Person\" is not a member of "
                + shown + ", and only its members can record updates there. Nothing was recorded.");
    }

    private String notAProject(String teamId, String channelId) {
        String name = channels.nameOf(teamId, channelId);
        return (name == null ? "That channel" : "#" + name) + " is not a Daybook project: a channel becomes one with "
                + "its first update (/update there, or the \"Record an end-of-day update\" step). Choose a project's channel.";
    }

    private static Optional<String> firstProblem(StepInputs.Read... reads) {
        for (StepInputs.Read read : reads) {
            if (!read.ok()) {
                return Optional.of(read.problem());
            }
        }
        return Optional.empty();
    }

    /** Parser problems as plain sentences: Workflow Builder shows the error as written, without Slack's markup. */
    private static String problems(Recording recording) {
        String joined = recording.problems().stream().map(ParseProblem::message).collect(Collectors.joining(" "));
        return (joined.isBlank() ? "it does not read as an update." : joined).replace("*", "").replace("`", "");
    }

    private static Map<String, String> values(Map<String, FunctionExecutedEvent.InputValue> inputs) {
        Map<String, String> values = new LinkedHashMap<>();
        if (inputs != null) {
            inputs.forEach((name, value) -> {
                if (value != null && value.getStringValue() != null) {
                    values.put(name, value.getStringValue());
                }
            });
        }
        return values;
    }
}
