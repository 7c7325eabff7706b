package dev.daybook.slack.transport;

import java.io.IOException;
import java.util.Optional;

import com.google.gson.JsonParseException;
import com.slack.api.bolt.App;
import com.slack.api.bolt.jakarta_servlet.SlackAppServlet;
import com.slack.api.bolt.jakarta_servlet.SlackAppServletAdapter;
import com.slack.api.bolt.request.Request;
import com.slack.api.bolt.request.builtin.EventRequest;
import com.slack.api.bolt.response.Response;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bolt's servlet, with one difference: a signed request whose payload cannot be read is a broken
 * request (400), not a server error (500) that Slack would keep retrying.
 */
class SlackEventsServlet extends SlackAppServlet {

    private static final Logger log = LoggerFactory.getLogger(SlackEventsServlet.class);

    private final transient SlackAppServletAdapter adapter;

    SlackEventsServlet(App app) {
        super(app);
        this.adapter = new SlackAppServletAdapter(app.config());
    }

    @Override
    protected void doPost(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Request<?> request;
        try {
            request = adapter.buildSlackRequest(req);
        } catch (JsonParseException | IllegalStateException | IllegalArgumentException | NullPointerException e) {
            request = null;
        }
        if (request == null) {
            log.info("Refused a signed request to /slack/events whose payload could not be read.");
            adapter.writeResponse(resp, Response.json(400, "{\"error\":\"malformed request\"}"));
            return;
        }
        try {
            adapter.writeResponse(resp, run(request));
        } catch (JsonParseException e) {
            // Bolt reads an event's or an action's fields only when it routes it: a field of the wrong
            // type (an object where Slack sends a string) that is still there without the blocks is a
            // broken request, not a passing failure. Slack's Web API answers that cannot be read never
            // get here (SlackCalls makes them "try later").
            log.info("Refused a signed request to /slack/events with a field of the wrong type.");
            adapter.writeResponse(resp, Response.json(400, "{\"error\":\"malformed request\"}"));
        } catch (Exception e) {
            // 500 makes Slack retry events later, which is what a passing failure here needs.
            log.error("Could not handle a Slack request: {}", e.toString(), e);
            adapter.writeResponse(resp, Response.json(500, "{\"error\":\"try again later\"}"));
        }
    }

    /**
     * Runs the request; an event whose rich text blocks Bolt cannot read (a client sending a shape the
     * model does not allow) is run again without them, so its {@code text} is read instead of Slack
     * retrying an event that would fail every time.
     */
    private Response run(Request<?> request) throws Exception {
        try {
            return getApp().run(request);
        } catch (JsonParseException | IllegalStateException unreadable) {
            if (!(request instanceof EventRequest event)) {
                throw unreadable;
            }
            Optional<String> withoutBlocks = UnreadableBlocks.removedFrom(event.getRequestBodyAsString());
            if (withoutBlocks.isEmpty()) {
                throw unreadable;
            }
            log.info("Read an event without its blocks, which could not be read ({}).", unreadable.getMessage());
            return getApp().run(new EventRequest(withoutBlocks.get(), event.getHeaders()));
        }
    }
}
