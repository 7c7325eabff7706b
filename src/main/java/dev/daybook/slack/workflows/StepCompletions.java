package dev.daybook.slack.workflows;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;

import dev.daybook.slack.client.SlackCalls;
import dev.daybook.slack.client.SlackRefused;
import dev.daybook.slack.delivery.MessageLinks;
import dev.daybook.slack.delivery.OncePoster;
import dev.daybook.support.RetryLater;
import dev.daybook.support.ScheduledMessageDue;

/**
 * Tells Slack how a workflow step ended, after its work committed: {@code functions.completeSuccess}
 * with its outputs, or {@code functions.completeError} with a sentence for the workflow's owner. A
 * step whose output is a permalink completes once its message is in the channel (shared or posted by
 * the usual listeners), waiting a little and then coming back through the outbox. Safe to run twice:
 * Slack refuses a second completion of one execution, which is taken as done.
 */
@Component
class StepCompletions {

    private static final Logger log = LoggerFactory.getLogger(StepCompletions.class);

    /** How long a step waits for its message before completing without it. */
    static final Duration MESSAGE_PATIENCE = Duration.ofMinutes(2);
    /** Most shares take well under a second: look again a few times before handing the work back to the outbox. */
    private static final int BRIEF_LOOKS = 15;
    private static final Duration BRIEF_PAUSE = Duration.ofMillis(200);

    private final SlackCalls slack;
    private final MessageLinks links;
    private final OncePoster deliveries;
    private final Clock clock;

    StepCompletions(SlackCalls slack, MessageLinks links, OncePoster deliveries, Clock clock) {
        this.slack = slack;
        this.links = links;
        this.deliveries = deliveries;
        this.clock = clock;
    }

    /** The step's message is not in the channel yet: the outbox tries again shortly. */
    static final class MessageNotYetThere extends RuntimeException implements RetryLater {
        private final Instant notBefore;

        MessageNotYetThere(Instant notBefore) {
            super("the step's message is not in the channel yet");
            this.notBefore = notBefore;
        }

        @Override
        public Instant notBefore() {
            return notBefore;
        }
    }

    @ApplicationModuleListener(id = "slack.workflow-step-finished", propagation = Propagation.NOT_SUPPORTED)
    void on(StepFinished step) {
        if (!step.succeeded()) {
            completeError(step, step.error());
            return;
        }
        Map<String, JsonElement> outputs = new LinkedHashMap<>();
        JsonParser.parseString(step.outputsJson()).getAsJsonObject().entrySet()
                .forEach(e -> outputs.put(e.getKey(), e.getValue()));
        if (step.updateId() != null) {
            Optional<String> permalink = awaitPermalink(step, () -> links.permalink(step.teamId(), step.updateId()));
            // The update is recorded either way; a channel Daybook cannot post in leaves it without a link.
            permalink.ifPresent(link -> outputs.put("permalink", new JsonPrimitive(link)));
        }
        if (step.projectId() != null) {
            String key = ScheduledMessageDue.of(ScheduledMessageDue.DIGEST + ":weekly", step.teamId(),
                    ScheduledMessageDue.PROJECT + step.projectId(), step.monday(), 0, step.at()).deliveryKey();
            Optional<String> permalink = awaitPermalink(step, () -> deliveries.find(step.teamId(), key)
                    .flatMap(posted -> permalinkOf(step.teamId(), posted)));
            if (permalink.isEmpty()) {
                completeError(step, "Daybook could not post the weekly summary of week " + outputs.get("week").getAsString()
                        + " in its channel: check that Daybook is in the project's digest channel (/daybook digest "
                        + "preview shows where it goes).");
                return;
            }
            outputs.put("permalink", new JsonPrimitive(permalink.get()));
        }
        completeSuccess(step, outputs);
    }

    private Optional<String> awaitPermalink(StepFinished step, Supplier<Optional<String>> find) {
        for (int look = 0; ; look++) {
            Optional<String> found = find.get();
            if (found.isPresent()) {
                return found;
            }
            if (!clock.instant().isBefore(step.at().plus(MESSAGE_PATIENCE))) {
                log.info("Workflow step {}: its message did not appear in the channel in time; completing without it.",
                        step.step());
                return Optional.empty();
            }
            if (look >= BRIEF_LOOKS) {
                throw new MessageNotYetThere(clock.instant().plusSeconds(2));
            }
            try {
                Thread.sleep(BRIEF_PAUSE.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MessageNotYetThere(clock.instant());
            }
        }
    }

    private Optional<String> permalinkOf(String teamId, OncePoster.Posted posted) {
        try {
            String link = slack.call(teamId, "chat.getPermalink", SlackCalls.Patience.WAIT,
                    c -> c.chatGetPermalink(r -> r.channel(posted.channelId()).messageTs(posted.ts()))).getPermalink();
            return Optional.ofNullable(link).filter(l -> l.startsWith("https://"));
        } catch (SlackRefused refused) {
            log.info("Slack: no permalink for a weekly summary ({}).", refused.error());
            return Optional.empty();
        }
    }

    private void completeSuccess(StepFinished step, Map<String, JsonElement> outputs) {
        try {
            slack.call(step.teamId(), "functions.completeSuccess", SlackCalls.Patience.WAIT,
                    c -> c.functionsCompleteSuccess(r -> r.functionExecutionId(step.executionId()).outputs(outputs)));
        } catch (SlackRefused refused) {
            if (endedAlready(refused)) {
                return;
            }
            // Outputs Slack will not take would fail the same way again: the owner hears why instead.
            log.warn("Slack refused the outputs of workflow step {} ({}).", step.step(), refused.error());
            completeError(step, "Daybook did its part, but Slack refused its outputs (" + refused.error() + ").");
        }
    }

    private void completeError(StepFinished step, String error) {
        try {
            slack.call(step.teamId(), "functions.completeError", SlackCalls.Patience.WAIT,
                    c -> c.functionsCompleteError(r -> r.functionExecutionId(step.executionId()).error(error)));
        } catch (SlackRefused refused) {
            if (!endedAlready(refused)) {
                log.warn("Slack refused to fail workflow step {} ({}).", step.step(), refused.error());
            }
        }
    }

    /** A completion sent before (this work ran twice), or an execution Slack gave up on. */
    private static boolean endedAlready(SlackRefused refused) {
        return "function_execution_not_found".equals(refused.error());
    }
}
