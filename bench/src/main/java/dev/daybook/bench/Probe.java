package dev.daybook.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.IntFunction;
import java.util.function.Predicate;

/**
 * One question put to Daybook again and again by one client, timed from request to complete answer;
 * every answer is checked, so that a fast wrong answer (an error page, an empty list) cannot pass as a
 * figure.
 */
record Probe(String name, IntFunction<HttpRequest> request, Predicate<String> answerIsRight) {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** {@code GET} on Daybook's HTTP API with the bench's API token. */
    static HttpRequest apiGet(Service app, String pathAndQuery) {
        return HttpRequest.newBuilder(URI.create(app.baseUrl() + pathAndQuery))
                .header("Authorization", "Bearer " + Bench.API_TOKEN)
                .timeout(Duration.ofSeconds(60)).GET().build();
    }

    /** Asks {@code warmup} times untimed, then {@code times} times timed. */
    Latencies sample(int warmup, int times) {
        for (int i = 0; i < warmup; i++) {
            ask(i);
        }
        long[] nanos = new long[times];
        for (int i = 0; i < times; i++) {
            nanos[i] = timed(warmup + i);
        }
        return Latencies.of(nanos);
    }

    /** Asks once and says how long the answer took, in nanoseconds. */
    long timed(int n) {
        long sent = System.nanoTime();
        ask(n);
        return System.nanoTime() - sent;
    }

    /** Asks once; fails the benchmark on a wrong answer. */
    String ask(int n) {
        try {
            HttpResponse<String> answer = HTTP.send(request.apply(n), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 200 || !answerIsRight.test(answer.body())) {
                throw new IllegalStateException(name + ": unexpected answer " + answer.statusCode() + ": "
                        + answer.body().substring(0, Math.min(500, answer.body().length())));
            }
            return answer.body();
        } catch (IOException e) {
            throw new IllegalStateException(name + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Counts the occurrences of {@code needle} in {@code text}. */
    static int count(String text, String needle) {
        int n = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + needle.length())) {
            n++;
        }
        return n;
    }
}
