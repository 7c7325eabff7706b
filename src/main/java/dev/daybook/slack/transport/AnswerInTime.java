package dev.daybook.slack.transport;

import java.time.Duration;
import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.RequestType;
import com.slack.api.bolt.response.Response;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.daybook.slack.delivery.ResponseUrls;

/**
 * Slack gives up on a request after three seconds and shows the person an error, though Daybook may
 * still finish the work; they post again. So every request from Slack is answered within
 * {@code daybook.slack.answer-within} (2.5 s), whatever Slack's own API or the database does meanwhile:
 * the work runs on a thread of its own, and when it has not finished by then the request is answered
 * at once (a command with "one moment", anything else with a plain acknowledgement) and the work goes
 * on; its answer, when it comes, is posted to the request's {@code response_url} ({@link ResponseUrls}).
 * A form submission's late errors and an event's late failure cannot be sent anywhere and are logged.
 * Calls to Slack made while Slack waits have deadlines of their own
 * ({@link dev.daybook.slack.client.SlackCalls.Patience#NONE}), so most requests still answer themselves in time.
 *
 * <p>Timed as {@code daybook.slack.answer} with {@code outcome} {@code in_time} or {@code late}.
 */
@Component
class AnswerInTime implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(AnswerInTime.class);

    static final String ONE_MOMENT = ":hourglass_flowing_sand: One moment: Slack is slow to answer me just now. "
            + "I'll reply here when it's done; no need to send it again.";
    static final String COULD_NOT_FINISH = "Sorry, I could not finish that. Please try again in a minute.";

    /** Requests a person is waiting on; OAuth pages, SSL checks and URL verification are not timed. */
    private static final Set<RequestType> TIMED = EnumSet.complementOf(EnumSet.of(RequestType.OAuthStart,
            RequestType.OAuthCallback, RequestType.SSLCheck, RequestType.UrlVerification));

    private final Duration within;
    private final ResponseUrls responseUrls;
    private final MeterRegistry meters;
    private final ThreadPoolExecutor workers;

    AnswerInTime(SlackSettings settings, ResponseUrls responseUrls, MeterRegistry meters) {
        this.within = settings.answerWithin();
        this.responseUrls = responseUrls;
        this.meters = meters;
        AtomicInteger count = new AtomicInteger();
        // No queue: a request either gets a thread now or (all 200 busy) runs on its own, untimed.
        this.workers = new ThreadPoolExecutor(8, 200, 60, TimeUnit.SECONDS, new SynchronousQueue<>(), runnable -> {
            Thread thread = new Thread(runnable, "slack-answer-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        }, new ThreadPoolExecutor.CallerRunsPolicy());
    }

    /** Runs Bolt on the request and answers within the deadline; the work's own answer when it is in time. */
    Response run(Request<?> request, Callable<Response> work) throws Exception {
        if (request.getRequestType() == null || !TIMED.contains(request.getRequestType())) {
            return work.call();
        }
        Timer.Sample sample = Timer.start(meters);
        CompletableFuture<Response> answer = new CompletableFuture<>();
        workers.execute(() -> {
            try {
                answer.complete(work.call());
            } catch (Throwable failure) {
                answer.completeExceptionally(failure);
            }
        });
        try {
            Response response = answer.get(within.toMillis(), TimeUnit.MILLISECONDS);
            sample.stop(meters.timer("daybook.slack.answer", "outcome", "in_time"));
            return response;
        } catch (ExecutionException failed) {
            sample.stop(meters.timer("daybook.slack.answer", "outcome", "in_time"));
            throw failed.getCause() instanceof Exception e ? e : new IllegalStateException(failed.getCause());
        } catch (TimeoutException late) {
            sample.stop(meters.timer("daybook.slack.answer", "outcome", "late"));
            String type = request.getRequestType().name();
            String responseUrl = request.getResponseUrl();
            answer.whenComplete((response, failure) -> followUp(type, responseUrl, response, failure));
            log.info("Slack: a {} took longer than {} ms; answered at once, the answer follows.", type, within.toMillis());
            return request.getRequestType() == RequestType.Command ? ephemeral(ONE_MOMENT) : Response.ok();
        }
    }

    private void followUp(String type, String responseUrl, Response response, Throwable failure) {
        String message;
        if (failure != null || response == null || response.getStatusCode() == null || response.getStatusCode() >= 400) {
            log.warn("Slack: a {} failed after it was answered ({}).", type,
                    failure != null ? failure.toString() : response == null ? "no answer" : "HTTP " + response.getStatusCode());
            message = ephemeralJson(COULD_NOT_FINISH);
        } else {
            message = messageIn(response.getBody());
        }
        if (message == null) {
            return; // a plain acknowledgement: nothing more to say
        }
        if (!type.equals(RequestType.Command.name()) && !type.equals(RequestType.BlockAction.name())
                && !type.equals(RequestType.MessageShortcut.name()) && !type.equals(RequestType.AttachmentAction.name())) {
            log.info("Slack: the late answer to a {} has nowhere to go; it is dropped.", type);
            return;
        }
        responseUrls.post(responseUrl, message);
    }

    /** What an answer's body says as a message for response_url; null when it says nothing. */
    static String messageIn(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try {
            var json = JsonParser.parseString(body);
            if (json.isJsonObject()) {
                JsonObject object = json.getAsJsonObject();
                if (!object.has("text") && !object.has("blocks")) {
                    return null; // a form's response_action, or an empty object: nothing to post
                }
                if (!object.has("response_type")) {
                    object.addProperty("response_type", "ephemeral");
                }
                object.addProperty("replace_original", false);
                return object.toString();
            }
        } catch (RuntimeException notJson) {
            // a plain-text answer
        }
        return ephemeralJson(body);
    }

    private static Response ephemeral(String text) {
        return Response.builder().statusCode(200).contentType(Response.CONTENT_TYPE_APPLICATION_JSON_UTF8)
                .body(ephemeralJson(text)).build();
    }

    private static String ephemeralJson(String text) {
        JsonObject message = new JsonObject();
        message.addProperty("response_type", "ephemeral");
        message.addProperty("replace_original", false);
        message.addProperty("text", text);
        return message.toString();
    }

    @Override
    public void close() {
        workers.shutdown();
    }
}
