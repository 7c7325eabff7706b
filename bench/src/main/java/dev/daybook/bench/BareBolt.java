package dev.daybook.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import com.slack.api.bolt.App;
import com.slack.api.bolt.AppConfig;
import com.slack.api.bolt.jakarta_servlet.SlackAppServlet;
import com.slack.api.model.event.MessageEvent;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.catalina.Context;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.startup.Tomcat;

/**
 * The floor: a Bolt app (the same Bolt version, on the same Tomcat as Daybook) whose {@code /update}
 * handler and {@code message} handler only acknowledge. It checks signatures like any Bolt app, and
 * answers {@code GET /actuator/health} so the harness can wait for it the same way.
 * Arguments: port, Slack Web API URL.
 */
public final class BareBolt {

    public static void main(String[] args) throws LifecycleException, IOException {
        int port = Integer.parseInt(args[0]);
        App app = app(args[1], false);
        app.command("/update", (request, ctx) -> ctx.ack());
        app.event(MessageEvent.class, (payload, ctx) -> ctx.ack());
        serve(app, port);
    }

    /** A Bolt app as Daybook configures one; with {@code ackInHandler}, events are acknowledged by their handler. */
    static App app(String slackApiUrl, boolean ackInHandler) {
        SlackConfig slackConfig = new SlackConfig();
        slackConfig.setMethodsEndpointUrlPrefix(slackApiUrl);
        slackConfig.setStatsEnabled(false);
        return new App(AppConfig.builder()
                .slack(Slack.getInstance(slackConfig))
                .signingSecret(SlackTraffic.SIGNING_SECRET)
                .singleTeamBotToken(SlackTraffic.BOT_TOKEN)
                .authTestCacheEnabled(true)
                .allEventsApiAutoAckEnabled(!ackInHandler)
                .build());
    }

    /** Serves the app at {@code /slack/events} on Tomcat, with a health answer for the harness. */
    static void serve(App app, int port) throws LifecycleException, IOException {
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(Files.createTempDirectory("bare-bolt").toString());
        tomcat.setPort(port);
        tomcat.getConnector();
        Context context = tomcat.addContext("", Path.of(".").toAbsolutePath().toString());
        Tomcat.addServlet(context, "slack", new SlackAppServlet(app));
        context.addServletMappingDecoded("/slack/events", "slack");
        Tomcat.addServlet(context, "health", new HttpServlet() {
            @Override
            protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
                resp.setContentType("application/json");
                resp.getWriter().write("{\"status\":\"UP\"}");
            }
        });
        context.addServletMappingDecoded("/actuator/health", "health");
        tomcat.start();
        tomcat.getServer().await();
    }
}
