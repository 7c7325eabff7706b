package dev.daybook.runs;

/**
 * A project's MLflow tracking server.
 *
 * @param url   the server's base URL, like {@code https://mlflow.example.com}
 * @param token a bearer token for it, or null when it needs none
 */
public record TrackingServer(String url, String token) {

    @Override
    public String toString() {
        return "TrackingServer[url=" + url + ", token=" + (token == null ? "none" : "set") + "]";
    }
}
