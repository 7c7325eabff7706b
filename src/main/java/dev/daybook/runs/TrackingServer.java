package dev.daybook.runs;

/**
 * A project's MLflow tracking server.
 *
 * @param url   the server's base URL, like {@code https://mlflow.example.com}
 * @param token a bearer token for it, or null when it needs none (or when it cannot be read)
 * @param tokenUnreadable a token is stored but no encryption key Daybook has opens it: it must be
 *                        entered again, and until then the server is not called
 */
public record TrackingServer(String url, String token, boolean tokenUnreadable) {

    public TrackingServer(String url, String token) {
        this(url, token, false);
    }

    @Override
    public String toString() {
        return "TrackingServer[url=" + url + ", token=" + (tokenUnreadable ? "unreadable" : token == null ? "none" : "set") + "]";
    }
}
