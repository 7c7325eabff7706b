package dev.daybook.slack.workflows;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A workflow step's work is done (or refused) and committed with the claim of its execution; telling
 * Slack follows after the commit, from the event publication registry, so that a Slack outage delays
 * the completion and never loses it.
 *
 * @param executionId Slack's {@code function_execution_id}, what the completion names
 * @param error       the sentence for the workflow's owner when the step failed; null when it succeeded
 * @param outputsJson the outputs known at once, as a JSON object
 * @param updateId    the update recorded, whose permalink is added once it is shared in the channel
 * @param projectId   the project whose weekly summary was posted (with {@code monday}, its week)
 * @param at          when the step arrived: how long a permalink is waited for is counted from here
 */
public record StepFinished(String teamId, String executionId, String step, String error, String outputsJson,
                           Long updateId, Long projectId, LocalDate monday, Instant at) {

    static StepFinished failed(String teamId, String executionId, String step, String error, Instant at) {
        return new StepFinished(teamId, executionId, step, error, null, null, null, null, at);
    }

    boolean succeeded() {
        return error == null;
    }
}
