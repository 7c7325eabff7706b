package dev.daybook.slack.workspace;

import com.slack.api.bolt.response.Response;

import dev.daybook.slack.blockkit.SlackText;

/** The page someone sees when an install through Slack is refused. */
public final class OAuthPages {

    private OAuthPages() {
    }

    public static Response refused(Response response, String reason) {
        String why = "invalid_state".equals(reason)
                ? "This install link has expired or was not started here. Start again from the install page."
                : "Slack did not complete the install (" + SlackText.escape(String.valueOf(reason)) + ").";
        response.setStatusCode(400);
        response.setContentType("text/html; charset=utf-8");
        response.setBody("<!doctype html><html><head><meta charset=\"utf-8\"><title>Daybook</title></head><body>"
                + "<h1>Daybook was not installed</h1><p>" + why + "</p><p><a href=\"/slack/install\">Install Daybook</a></p>"
                + "</body></html>");
        return response;
    }
}
