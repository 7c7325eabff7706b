package dev.daybook.slack.client;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import com.google.gson.Gson;
import com.slack.api.Slack;
import com.slack.api.methods.MethodsClient;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.util.http.SlackHttpClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.daybook.slack.transport.SlackSettings;
import dev.daybook.slack.workspace.BotTokens;

/**
 * Every call Daybook makes to the Slack Web API goes through here: the workspace's token, one
 * client configuration, and one reading of Slack's answers into "done", "try later" and "no".
 */
@Component
public class SlackCalls {

    private static final Logger log = LoggerFactory.getLogger(SlackCalls.class);

    /** Errors Slack documents as passing; anything else with {@code ok: false} is a refusal. */
    private static final Set<String> PASSING_ERRORS = Set.of("ratelimited", "internal_error", "fatal_error",
            "service_unavailable", "request_timeout", "team_added_to_org");

    /** Methods that show something to people: a refusal of one means a message nobody will see. */
    private static final Set<String> POSTING = Set.of("chat.postMessage", "chat.update", "chat.postEphemeral",
            "chat.scheduleMessage", "views.open", "views.push", "views.update", "views.publish");

    /** The longest Retry-After believed; Slack's own are seconds to minutes. */
    static final Duration LONGEST_RETRY_AFTER = Duration.ofHours(1);

    /** How long a call may wait for Slack's rate limit before giving the work back to the outbox. */
    public enum Patience {
        /**
         * In a request Slack waits on (3 seconds): never wait for a rate limit, and give up after
         * {@code daybook.slack.interactive-timeout} (2 s), so that the request can still be answered.
         */
        NONE(0, Duration.ZERO, true),
        /**
         * Once, with the full timeout: a call the answer needs but that may finish after Slack stopped
         * waiting (the answer then goes to the request's response_url, see {@link dev.daybook.slack.transport.AnswerInTime}).
         */
        ONCE(0, Duration.ZERO, false),
        /** In background work: wait out Retry-After a few times. */
        WAIT(5, Duration.ofSeconds(60), false);

        final int retries;
        final Duration longestWait;
        final boolean interactive;

        Patience(int retries, Duration longestWait, boolean interactive) {
            this.retries = retries;
            this.longestWait = longestWait;
            this.interactive = interactive;
        }
    }

    @FunctionalInterface
    public interface Call<T> {
        T on(MethodsClient client) throws IOException, SlackApiException;
    }

    private final Slack slack;
    private final Gson answers;
    private final BotTokens tokens;
    private final MeterRegistry meters;
    private final SlackPacing pacing;
    private final Clock clock;
    /** The same connections as {@link #slack}'s, with a whole-call deadline for calls Slack waits on. */
    private final SlackHttpClient interactive;

    SlackCalls(Slack slack, BotTokens tokens, MeterRegistry meters, SlackPacing pacing, Clock clock,
               SlackSettings settings) {
        this.slack = slack;
        this.interactive = new SlackHttpClient(slack.getHttpClient().getOkHttpClient().newBuilder()
                .callTimeout(settings.interactiveTimeout())
                .build());
        this.interactive.setConfig(slack.getConfig());
        this.answers = SharedGsonMethodsClient.gsonFor(slack);
        this.tokens = tokens;
        this.meters = meters;
        this.pacing = pacing;
        this.clock = clock;
    }

    /**
     * Calls Slack, timed as {@code daybook.slack.api} with the method and how it ended
     * ({@code ok}, {@code refused}, {@code unavailable}). Every refusal is counted as
     * {@code daybook.slack.refused} with the method and Slack's error; a message Slack refuses for what
     * it contains is logged as a warning here, since nobody will see it.
     */
    public <T extends SlackApiTextResponse> T call(String teamId, String method, Patience patience, Call<T> call) {
        Timer.Sample sample = Timer.start(meters);
        String outcome = "unavailable";
        try {
            T response = attempt(teamId, method, patience, call);
            outcome = "ok";
            return response;
        } catch (SlackRefused refused) {
            outcome = "refused";
            meters.counter("daybook.slack.refused", "method", method, "error", String.valueOf(refused.error())).increment();
            if (POSTING.contains(method) && refused.aboutContent()) {
                log.warn("Slack refused {} ({}): the message was not shown.", method, refused.error());
            }
            throw refused;
        } finally {
            sample.stop(meters.timer("daybook.slack.api", "method", method, "outcome", outcome));
        }
    }

    private <T extends SlackApiTextResponse> T attempt(String teamId, String method, Patience patience, Call<T> call) {
        String token = tokens.forTeam(teamId);
        if (token == null) {
            throw new SlackRefused(method, "not_installed");
        }
        MethodsClient client = patience.interactive
                ? new SharedGsonMethodsClient(slack, interactive, answers, token)
                : new SharedGsonMethodsClient(slack, answers, token);
        for (int attempt = 0; ; attempt++) {
            if (patience == Patience.WAIT) {
                pacing.acquire(teamId, method); // background work is paced, so that bursts are not refused
            }
            try {
                T response = call.on(client);
                if (response.isOk()) {
                    return response;
                }
                if (PASSING_ERRORS.contains(response.getError())) {
                    throw new SlackUnavailable(method + " failed: " + response.getError(), null);
                }
                throw new SlackRefused(method, response.getError());
            } catch (SlackApiException e) {
                int status = e.getResponse().code();
                if (status == 429) {
                    meters.counter("daybook.slack.rate_limited", "method", method).increment();
                }
                if (status == 429 && attempt < patience.retries) {
                    Duration wait = retryAfter(e).orElse(Duration.ofSeconds(1));
                    if (wait.compareTo(patience.longestWait) <= 0) {
                        log.debug("Slack {}: rate limited, waiting {}.", method, wait);
                        // The whole workspace waits, not only this call; the next acquire() does the waiting.
                        pacing.pause(teamId, wait);
                        continue;
                    }
                }
                if (status == 429) {
                    // Slack said when to come back: the outbox keeps the work until then (OutboxBackoff).
                    Instant notBefore = retryAfter(e).map(wait -> clock.instant().plus(wait)).orElse(null);
                    throw new SlackUnavailable(method + " failed with HTTP 429", e, notBefore);
                }
                if (status >= 500) {
                    throw new SlackUnavailable(method + " failed with HTTP " + status, e);
                }
                throw new SlackRefused(method, "http_" + status);
            } catch (IOException e) {
                throw new SlackUnavailable(method + " failed: " + e.getClass().getSimpleName(), e);
            } catch (com.google.gson.JsonParseException e) {
                // an answer that is not Slack's JSON (a proxy's error page): try again later
                throw new SlackUnavailable(method + " answered something unreadable", e);
            }
        }
    }

    private static Optional<Duration> retryAfter(SlackApiException e) {
        List<String> values = e.getResponse().headers("Retry-After");
        if (values.isEmpty()) {
            return Optional.empty();
        }
        try {
            // An hour at most: a broken or hostile header must not bury work (nor overflow an instant).
            long seconds = Math.min(Long.parseLong(values.get(0).strip()), LONGEST_RETRY_AFTER.toSeconds());
            return Optional.of(Duration.ofSeconds(Math.max(0, seconds)));
        } catch (NumberFormatException notSeconds) {
            return Optional.empty();
        }
    }
}
