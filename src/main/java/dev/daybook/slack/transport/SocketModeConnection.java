package dev.daybook.slack.transport;

import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import com.slack.api.bolt.App;
import com.slack.api.bolt.socket_mode.SocketModeApp;
import com.slack.api.socket_mode.SocketModeClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;

/**
 * Keeps a Socket Mode connection open while the application runs, when an app-level token is set.
 * If Slack cannot be reached at start-up, it keeps trying (30 s, doubling up to 5 min) instead of
 * giving up; once connected, the client reconnects by itself.
 */
class SocketModeConnection implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(SocketModeConnection.class);
    private static final Duration FIRST_RETRY = Duration.ofSeconds(30);
    private static final Duration LONGEST_RETRY = Duration.ofMinutes(5);

    private final App app;
    private final SlackSettings settings;
    private ScheduledExecutorService retries;
    private SocketModeApp socketMode;
    private boolean running;
    private volatile ConnectionProblem lastProblem;

    SocketModeConnection(App app, SlackSettings settings) {
        this.app = app;
        this.settings = settings;
    }

    @Override
    public synchronized void start() {
        if (!settings.socketMode() || running) {
            return;
        }
        running = true;
        retries = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "socket-mode-connect");
            thread.setDaemon(true);
            return thread;
        });
        retries.execute(() -> connect(FIRST_RETRY));
    }

    private void connect(Duration nextWait) {
        synchronized (this) {
            if (!running) {
                return;
            }
            try {
                socketMode = new SocketModeApp(settings.appToken(), app, SocketModeClient.Backend.JavaWebSocket);
                socketMode.startAsync();
                lastProblem = null;
                log.info("Slack: Socket Mode connected.");
                return;
            } catch (Exception e) {
                socketMode = null;
                lastProblem = ConnectionProblem.of(e);
                log.warn("Slack: could not open a Socket Mode connection: {}. Trying again in {}s.",
                        lastProblem.advice(), nextWait.toSeconds());
            }
        }
        Duration after = nextWait.multipliedBy(2).compareTo(LONGEST_RETRY) > 0 ? LONGEST_RETRY : nextWait.multipliedBy(2);
        retries.schedule(() -> connect(after), nextWait.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        running = false;
        if (retries != null) {
            retries.shutdownNow();
        }
        if (socketMode != null) {
            try {
                socketMode.stop();
            } catch (Exception e) {
                log.warn("Slack: closing the Socket Mode connection failed: {}", e.toString());
            }
            socketMode = null;
        }
    }

    /** Whether the WebSocket to Slack is open now (the client reconnects by itself after a drop). */
    boolean connected() {
        SocketModeApp current;
        synchronized (this) {
            current = socketMode;
        }
        try {
            return current != null && !current.isClientStopped() && current.getClient().verifyConnection();
        } catch (RuntimeException e) {
            return false;
        }
    }

    /** Why the last attempt to connect failed, while not connected. */
    ConnectionProblem lastProblem() {
        return lastProblem;
    }

    boolean wanted() {
        return settings.socketMode();
    }

    @Override
    public synchronized boolean isRunning() {
        return running;
    }
}
