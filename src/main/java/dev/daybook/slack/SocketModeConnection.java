package dev.daybook.slack;

import com.slack.api.bolt.App;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.socket_mode.SocketModeClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/** Keeps a Socket Mode connection open while the application runs, when an app-level token is set. */
class SocketModeConnection implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SocketModeConnection.class);

    private final App app;
    private final SlackSettings settings;
    private SocketModeApp socketMode;

    SocketModeConnection(App app, SlackSettings settings) {
        this.app = app;
        this.settings = settings;
    }

    @Override
    public synchronized void start() {
        if (!settings.socketMode()) {
            return;
        }
        try {
            socketMode = new SocketModeApp(settings.appToken(), app, SocketModeClient.Backend.JavaWebSocket);
            socketMode.startAsync();
            log.info("Slack: Socket Mode connected.");
        } catch (Exception e) {
            // Slack may be unreachable right now; the client reconnects on its own once it has a session.
            log.error("Slack: could not open a Socket Mode connection ({}). Check SLACK_APP_TOKEN.", e.toString());
        }
    }

    @Override
    public synchronized void stop() {
        if (socketMode != null) {
            try {
                socketMode.stop();
            } catch (Exception e) {
                log.warn("Slack: closing the Socket Mode connection failed: {}", e.toString());
            }
            socketMode = null;
        }
    }

    @Override
    public synchronized boolean isRunning() {
        return socketMode != null;
    }
}
