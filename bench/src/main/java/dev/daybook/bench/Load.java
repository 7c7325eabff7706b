package dev.daybook.bench;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * A closed-loop load generator: {@code clients} threads, each sending its next request as soon as
 * the previous one is answered, for a fixed time. Latency is from sending the request to having the
 * whole answer; only HTTP 200 counts as done.
 */
final class Load {

    /** What one run measured. */
    record Result(int clients, long requests, long errors, double seconds, double throughput,
                  double throughputSpread, Latencies latency) {
    }

    private final HttpClient http = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private final AtomicLong sequence = new AtomicLong();

    /**
     * Runs {@code clients} clients for {@code duration}; {@code requests} makes the n-th request of
     * the whole run (n counts on across runs, so that every request is distinct).
     */
    Result run(int clients, Duration duration, LongFunction<HttpRequest> requests) {
        long start = System.nanoTime();
        long end = start + duration.toNanos();
        int seconds = (int) Math.max(1, duration.toSeconds());
        List<long[]> perClient = new ArrayList<>();
        long[][] completedPerSecond = new long[clients][seconds + 1];
        long[] errors = new long[clients];
        int[] counts = new int[clients];
        CountDownLatch done = new CountDownLatch(clients);
        for (int c = 0; c < clients; c++) {
            long[] latencies = new long[1 << 16];
            perClient.add(latencies);
            int client = c;
            Thread thread = new Thread(() -> {
                long[] mine = latencies;
                try {
                    while (System.nanoTime() < end) {
                        HttpRequest request = requests.apply(sequence.getAndIncrement());
                        long sent = System.nanoTime();
                        boolean ok;
                        try {
                            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                            ok = response.statusCode() == 200;
                        } catch (IOException e) {
                            ok = false;
                        }
                        long answered = System.nanoTime();
                        if (!ok) {
                            errors[client]++;
                            continue;
                        }
                        if (counts[client] == mine.length) {
                            mine = Arrays.copyOf(mine, mine.length * 2);
                            perClient.set(client, mine);
                        }
                        mine[counts[client]++] = answered - sent;
                        int second = (int) ((answered - start) / 1_000_000_000L);
                        if (second < completedPerSecond[client].length) {
                            completedPerSecond[client][second]++;
                        }
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    synchronized (perClient) {
                        perClient.set(client, mine);
                    }
                    done.countDown();
                }
            }, "load-" + c);
            thread.start();
        }
        try {
            done.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        long total = 0;
        for (int c = 0; c < clients; c++) {
            total += counts[c];
        }
        long[] all = new long[(int) total];
        int at = 0;
        synchronized (perClient) {
            for (int c = 0; c < clients; c++) {
                System.arraycopy(perClient.get(c), 0, all, at, counts[c]);
                at += counts[c];
            }
        }
        // Throughput per whole second of the run, for its spread (the last, partial second left out).
        double[] perSecond = new double[seconds];
        for (int s = 0; s < seconds; s++) {
            for (int c = 0; c < clients; c++) {
                perSecond[s] += completedPerSecond[c][s];
            }
        }
        long errorCount = Arrays.stream(errors).sum();
        return new Result(clients, total, errorCount, elapsed, total / elapsed, Latencies.stdev(perSecond),
                Latencies.of(all));
    }
}
