package dev.daybook.webhooks;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** A webhook receiver on loopback that answers what a test says per path: a status, or nothing at all. */
public final class Receiver implements AutoCloseable {

    public record Received(String path, Map<String, String> headers, String body) {
        public String header(String name) {
            return headers.get(name.toLowerCase());
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Map<String, List<Integer>> answers = new ConcurrentHashMap<>();
    private final AtomicReference<CountDownLatch> hang = new AtomicReference<>(new CountDownLatch(0));

    public Receiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setExecutor(Executors.newCachedThreadPool());
        server.createContext("/", this::handle);
        server.start();
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** Answers these statuses in turn at this path, then the last one; -1 means no answer until released. */
    public Receiver answer(String path, Integer... statuses) {
        answers.put(path, new CopyOnWriteArrayList<>(List.of(statuses)));
        return this;
    }

    public void hangUntilReleased() {
        hang.set(new CountDownLatch(1));
    }

    public void release() {
        hang.get().countDown();
    }

    public List<Received> at(String path) {
        return received.stream().filter(r -> r.path().equals(path)).toList();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String body;
        try (InputStream in = exchange.getRequestBody()) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Map<String, String> headers = new ConcurrentHashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.get(0)));
        String path = exchange.getRequestURI().getPath();
        received.add(new Received(path, headers, body));
        List<Integer> queue = answers.getOrDefault(path, List.of(200));
        int status = queue.size() > 1 ? queue.remove(0) : queue.get(0);
        if (status == -1) {
            try {
                hang.get().await(30, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            status = 200;
        }
        try {
            exchange.sendResponseHeaders(status, -1);
        } catch (IOException closedByCaller) {
            // Daybook gave up waiting: what a receiver that never answers sees.
        }
        exchange.close();
    }

    @Override
    public void close() {
        release();
        server.stop(0);
    }
}
