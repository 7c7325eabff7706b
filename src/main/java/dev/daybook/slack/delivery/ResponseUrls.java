package dev.daybook.slack.delivery;

import java.io.IOException;
import java.time.Clock;

import com.slack.api.Slack;
import okhttp3.MediaType;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Posts a late answer to a request's {@code response_url}, within Slack's rule of five posts in thirty
 * minutes ({@link ResponseUrlBudget}). Used when a request could not be answered within Slack's three
 * seconds ({@link dev.daybook.slack.transport.AnswerInTime}). Never throws: an answer that cannot be delivered is logged.
 */
@Component
public class ResponseUrls {

    private static final Logger log = LoggerFactory.getLogger(ResponseUrls.class);
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");

    private final Slack slack;
    private final Clock clock;
    private final ResponseUrlBudget budget = new ResponseUrlBudget();

    ResponseUrls(Slack slack, Clock clock) {
        this.slack = slack;
        this.clock = clock;
    }

    /** Posts a message (Slack's JSON: text, blocks, response_type…); false when it did not go. */
    public boolean post(String url, String json) {
        if (!budget.take(url, clock.instant())) {
            log.info("Slack: a late answer was not sent: the response_url is unusable or has had its five posts.");
            return false;
        }
        Request request = new Request.Builder().url(url).post(RequestBody.create(json, JSON)).build();
        try (Response response = slack.getHttpClient().getOkHttpClient().newCall(request).execute()) {
            if (!response.isSuccessful()) {
                log.info("Slack: a late answer was refused with HTTP {}.", response.code());
                return false;
            }
            return true;
        } catch (IOException | IllegalArgumentException e) {
            log.info("Slack: a late answer could not be sent ({}).", e.getClass().getSimpleName());
            return false;
        }
    }
}
