package dev.daybook.slack.client;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import com.google.gson.Gson;
import com.slack.api.Slack;
import com.slack.api.methods.SlackApiException;
import com.slack.api.methods.SlackApiTextResponse;
import com.slack.api.methods.impl.MethodsClientImpl;
import com.slack.api.methods.request.chat.ChatPostEphemeralRequest;
import com.slack.api.methods.request.chat.ChatPostMessageRequest;
import com.slack.api.methods.request.chat.ChatUpdateRequest;
import com.slack.api.methods.request.views.ViewsOpenRequest;
import com.slack.api.methods.request.views.ViewsPublishRequest;
import com.slack.api.methods.request.views.ViewsPushRequest;
import com.slack.api.methods.request.views.ViewsUpdateRequest;
import com.slack.api.methods.response.chat.ChatPostEphemeralResponse;
import com.slack.api.methods.response.chat.ChatPostMessageResponse;
import com.slack.api.methods.response.chat.ChatUpdateResponse;
import com.slack.api.methods.response.views.ViewsOpenResponse;
import com.slack.api.methods.response.views.ViewsPublishResponse;
import com.slack.api.methods.response.views.ViewsPushResponse;
import com.slack.api.methods.response.views.ViewsUpdateResponse;
import com.slack.api.util.json.GsonFactory;
import okhttp3.FormBody;
import okhttp3.Response;

import dev.daybook.slack.blockkit.SlackLimits;

/**
 * The SDK's Web API client, reading Slack's answers with one {@link Gson} instead of a new one per
 * answer. Gson learns each response class by reflection and keeps what it learnt in the instance; the
 * SDK (1.47) builds a fresh instance for every answer, so every call paid for reading the whole
 * {@code Message} model again: about 0.6 ms of CPU and a burst of garbage per call, a sixth of the
 * CPU of sending a reminder. Everything else (the request, headers, errors, response listeners) is
 * the SDK's own; the SDK's call statistics, which are off in {@link SlackClientConfiguration}, are not
 * kept.
 *
 * <p>Every message and view the bot sends passes through here, so this is where it is made to fit
 * Slack's limits ({@link SlackLimits}), whichever builder made it.
 */
final class SharedGsonMethodsClient extends MethodsClientImpl {

    private final Gson gson;

    SharedGsonMethodsClient(Slack slack, Gson gson, String token) {
        this(slack, slack.getHttpClient(), gson, token);
    }

    /** With another HTTP client than the Slack instance's (one with a shorter deadline). */
    SharedGsonMethodsClient(Slack slack, com.slack.api.util.http.SlackHttpClient http, Gson gson, String token) {
        super(http, token);
        setEndpointUrlPrefix(slack.getConfig().getMethodsEndpointUrlPrefix());
        this.gson = gson;
    }

    @Override
    public ChatPostMessageResponse chatPostMessage(ChatPostMessageRequest req) throws IOException, SlackApiException {
        req.setBlocks(SlackLimits.message(req.getBlocks()));
        req.setText(SlackLimits.text(req.getText()));
        return super.chatPostMessage(req);
    }

    @Override
    public ChatUpdateResponse chatUpdate(ChatUpdateRequest req) throws IOException, SlackApiException {
        req.setBlocks(SlackLimits.message(req.getBlocks()));
        req.setText(SlackLimits.text(req.getText()));
        return super.chatUpdate(req);
    }

    @Override
    public ChatPostEphemeralResponse chatPostEphemeral(ChatPostEphemeralRequest req) throws IOException, SlackApiException {
        req.setBlocks(SlackLimits.message(req.getBlocks()));
        req.setText(SlackLimits.text(req.getText()));
        return super.chatPostEphemeral(req);
    }

    @Override
    public ViewsOpenResponse viewsOpen(ViewsOpenRequest req) throws IOException, SlackApiException {
        req.setView(SlackLimits.view(req.getView()));
        return super.viewsOpen(req);
    }

    @Override
    public ViewsPushResponse viewsPush(ViewsPushRequest req) throws IOException, SlackApiException {
        req.setView(SlackLimits.view(req.getView()));
        return super.viewsPush(req);
    }

    @Override
    public ViewsUpdateResponse viewsUpdate(ViewsUpdateRequest req) throws IOException, SlackApiException {
        req.setView(SlackLimits.view(req.getView()));
        return super.viewsUpdate(req);
    }

    @Override
    public ViewsPublishResponse viewsPublish(ViewsPublishRequest req) throws IOException, SlackApiException {
        req.setView(SlackLimits.view(req.getView()));
        return super.viewsPublish(req);
    }

    /** The reader the SDK would build for each answer, built once. */
    static Gson gsonFor(Slack slack) {
        return GsonFactory.createSnakeCase(slack.getConfig());
    }

    @Override
    protected <T extends SlackApiTextResponse> T postFormWithTokenAndParseResponse(FormBody.Builder form,
            String endpoint, String token, Class<T> type) throws IOException, SlackApiException {
        Response response = runPostFormWithToken(form, endpoint, token);
        String body = response.body().string();
        if (!response.isSuccessful()) {
            throw new SlackApiException(getSlackHttpClient().getConfig(), response, body);
        }
        try {
            T parsed = gson.fromJson(body, type);
            parsed.setHttpResponseHeaders(lowerCased(response));
            return parsed;
        } finally {
            getSlackHttpClient().runHttpResponseListeners(response, body, false);
        }
    }

    private static Map<String, List<String>> lowerCased(Response response) {
        Map<String, List<String>> headers = new HashMap<>();
        response.headers().toMultimap().forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), values));
        return headers;
    }
}
