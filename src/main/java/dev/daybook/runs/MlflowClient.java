package dev.daybook.runs;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import dev.daybook.support.GuardedHttp;
import dev.daybook.support.GuardedHttp.RefusedAddress;
import dev.daybook.support.HostResolver;
import dev.daybook.support.OutboundAddressRule;
import dev.daybook.updates.parsing.ReferenceReader;

/**
 * Reads one run from MLflow's REST API ({@code GET /api/2.0/mlflow/runs/get?run_id=}), from an address
 * checked when it is called ({@link OutboundAddressRule}, {@link TrackingServerSettings}), with short
 * connect and read timeouts.
 */
@Component
class MlflowClient {

    /** What MLflow knows of a run. */
    record Fetched(String name, String status, Instant startedAt, Instant finishedAt, Map<String, Double> metrics,
                   Map<String, String> params, Measurement measured) {

        Fetched(String name, String status, Instant startedAt, Instant finishedAt, Map<String, Double> metrics,
                Map<String, String> params) {
            this(name, status, startedAt, finishedAt, metrics, params, Measurement.NONE);
        }
    }

    /** MLflow could not answer now (down, slow, 5xx, junk): worth asking again later. */
    static final class Unavailable extends RuntimeException {
        Unavailable(String message) {
            super(message);
        }
    }

    /** MLflow answered that it has no such run (or refuses us): asking again will not help. */
    static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }


    /** Longer answers are not a run: a server sending megabytes is refused, not read into memory. */
    private static final long LONGEST_ANSWER = 1 << 20;

    private final OkHttpClient http;
    private final TrackingServerSettings addresses;
    private final HostResolver resolver;
    private final JsonMapper json = JsonMapper.builder().build();

    MlflowClient(MlflowSettings settings, TrackingServerSettings addresses, HostResolver resolver) {
        this.addresses = addresses;
        this.resolver = resolver;
        this.http = GuardedHttp.client(settings.connectTimeout(), settings.timeout(), resolver, addresses.policy());
    }


    Fetched fetch(TrackingServer server, String runId) {
        Optional<String> problem = OutboundAddressRule.problemWithUrl(server.url(), addresses.policy());
        if (problem.isPresent()) {
            throw new Refused("MLflow address refused: " + problem.get());
        }
        String base = server.url().endsWith("/") ? server.url().substring(0, server.url().length() - 1) : server.url();
        HttpUrl url = HttpUrl.parse(base + "/api/2.0/mlflow/runs/get?run_id=" + URLEncoder.encode(runId, StandardCharsets.UTF_8));
        if (url == null) {
            throw new Refused("MLflow address refused: not a URL");
        }
        Request.Builder request = new Request.Builder().url(url).header("Accept", "application/json").get();
        if (server.token() != null && !server.token().isBlank()) {
            request.header("Authorization", "Bearer " + server.token());
        }
        int status;
        String body;
        try (Response response = http.newCall(request.build()).execute()) {
            status = response.code();
            body = read(response.body());
        } catch (RefusedAddress refused) {
            throw new Refused("MLflow address refused: " + refused.getMessage());
        } catch (IOException e) {
            throw new Unavailable("MLflow did not answer: " + e.getClass().getSimpleName());
        }
        if (status == 404 || status == 400 || status == 401 || status == 403) {
            throw new Refused("MLflow answered " + status);
        }
        if (status != 200) {
            throw new Unavailable("MLflow answered " + status);
        }
        try {
            return read(json.readTree(body));
        } catch (JacksonException | IllegalArgumentException e) {
            throw new Unavailable("MLflow sent something that is not a run: " + e.getClass().getSimpleName());
        }
    }

    private static String read(ResponseBody body) throws IOException {
        if (body == null) {
            return "";
        }
        BufferedSource source = body.source();
        if (source.request(LONGEST_ANSWER + 1)) {
            throw new IOException("answer longer than " + LONGEST_ANSWER + " bytes");
        }
        return source.getBuffer().readString(StandardCharsets.UTF_8);
    }

    private static Fetched read(JsonNode root) {
        JsonNode run = root.path("run");
        if (!run.isObject()) {
            throw new IllegalArgumentException("no run");
        }
        JsonNode info = run.path("info");
        Map<String, Double> metrics = new LinkedHashMap<>();
        for (JsonNode metric : run.path("data").path("metrics")) {
            String name = ReferenceReader.normaliseMetric(metric.path("key").asString(""));
            JsonNode value = metric.path("value");
            if (name != null && value.isNumber() && Double.isFinite(value.asDouble())) {
                metrics.put(name, value.asDouble());
            }
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (JsonNode param : run.path("data").path("params")) {
            String key = param.path("key").asString("");
            String value = param.path("value").asString("");
            if (!key.isBlank() && key.length() <= 100 && value.length() <= 500 && params.size() < RunService.MAX_PARAMS) {
                params.put(key, value);
            }
        }
        return new Fetched(limit(info.path("run_name").asString(null), 255), limit(info.path("status").asString(null), 32),
                millis(info.path("start_time")), millis(info.path("end_time")), metrics, params, measured(run, params));
    }

    /**
     * What the run was measured on, from its params and tags by the names {@link Measurement} reads
     * ({@code dataset}, {@code dataset_version}, {@code split}, {@code seed}, the tag
     * {@code mlflow.source.git.commit}, ...), and, when they name no dataset, from the run's logged
     * dataset inputs (the evaluation one's name and digest). Parts that contradict each other are left unknown.
     */
    static Measurement measured(JsonNode run, Map<String, String> params) {
        Map<String, String> tags = new LinkedHashMap<>();
        for (JsonNode tag : run.path("data").path("tags")) {
            String key = tag.path("key").isString() ? tag.path("key").asString() : "";
            String value = tag.path("value").isString() ? tag.path("value").asString() : "";
            if (!key.isBlank() && value.length() <= 500) {
                tags.putIfAbsent(key, value);
            }
        }
        Measurement measured = Measurement.agreeing(Measurement.fromParams(params).measured(),
                Measurement.fromParams(tags).measured());
        if (measured.dataset() == null) {
            JsonNode chosen = null;
            int inputs = 0;
            for (JsonNode input : run.path("inputs").path("dataset_inputs")) {
                inputs++;
                boolean training = false;
                for (JsonNode tag : input.path("tags")) {
                    if ("mlflow.data.context".equals(tag.path("key").asString(""))
                            && "train".equalsIgnoreCase(tag.path("value").asString(""))) {
                        training = true;
                    }
                }
                if (!training && chosen == null) {
                    chosen = input;
                }
            }
            if (chosen == null && inputs == 1) {
                chosen = run.path("inputs").path("dataset_inputs").get(0);
            }
            if (chosen != null) {
                String name = limit(chosen.path("dataset").path("name").asString(null), Measurement.MAX_DATASET);
                String digest = limit(chosen.path("dataset").path("digest").asString(null), Measurement.MAX_VERSION);
                measured = measured.with(new Measurement(name, measured.datasetVersion() == null ? digest : null,
                        null, null, null));
            }
        }
        return new Measurement(limit(measured.dataset(), Measurement.MAX_DATASET),
                limit(measured.datasetVersion(), Measurement.MAX_VERSION), limit(measured.split(), Measurement.MAX_SPLIT),
                measured.seed(), limit(measured.codeVersion(), Measurement.MAX_CODE));
    }

    private static Instant millis(JsonNode node) {
        return node.canConvertToLong() && node.asLong() > 0 ? Instant.ofEpochMilli(node.asLong()) : null;
    }

    private static String limit(String text, int max) {
        return text == null || text.isBlank() ? null : text.length() > max ? text.substring(0, max) : text;
    }
}
