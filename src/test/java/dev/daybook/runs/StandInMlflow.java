package dev.daybook.runs;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/** A stand-in MLflow tracking server on loopback that answers every run and remembers who asked, and how. */
final class StandInMlflow implements AutoCloseable {

    /** One request it got: the run asked for and the Authorization header sent with it. */
    record Asked(String runId, String authorization) {
    }

    private final HttpServer server;
    private final List<Asked> asked = new CopyOnWriteArrayList<>();

    StandInMlflow() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", this::answer);
        server.setExecutor(Executors.newCachedThreadPool());
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    List<Asked> asked() {
        return List.copyOf(asked);
    }

    private void answer(HttpExchange exchange) throws IOException {
        String query = exchange.getRequestURI().getQuery();
        String runId = query == null ? "" : query.replace("run_id=", "");
        asked.add(new Asked(runId, exchange.getRequestHeaders().getFirst("Authorization")));
        byte[] body = """
                {"run": {"info": {"run_id": "%s", "run_name": "fetched-%s", "status": "FINISHED"},
                         "data": {"metrics": [{"key": "val_f1", "value": 0.5}], "params": []}}}
                """.formatted(runId, runId).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
