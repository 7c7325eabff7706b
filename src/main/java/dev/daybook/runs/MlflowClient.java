package dev.daybook.runs;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
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
import dev.daybook.runs.comparison.Measurement;

/**
 * Reads one run from MLflow's REST API ({@code GET /api/2.0/mlflow/runs/get?run_id=}), or a page of an
 * experiment's finished runs ({@code POST /api/2.0/mlflow/runs/search}), from an address checked when it
 * is called ({@link OutboundAddressRule}, {@link TrackingServerSettings}), with short connect and read timeouts.
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


    /** MLflow answered that the experiment does not exist (deleted, or a mistyped id). */
    static final class ExperimentGone extends RuntimeException {
        ExperimentGone(String message) {
            super(message);
        }
    }

    /** A finished run found by a search: its id, who ran it (MLflow's user, often an e-mail) and what MLflow knows. */
    record Found(String runId, String owner, Fetched fetched) {
    }

    /** One page of a search; {@code nextPageToken} is null on the last. */
    record Page(List<Found> runs, String nextPageToken) {
    }

    /** Longer answers are not a run: a server sending megabytes is refused, not read into memory. */
    private static final long LONGEST_ANSWER = 1 << 20;
    /** A page of up to a few hundred runs with their metrics and params is bigger than one run. */
    private static final long LONGEST_PAGE = 16L << 20;
    private static final MediaType JSON = MediaType.get("application/json");

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
        HttpUrl url = url(server, "/api/2.0/mlflow/runs/get?run_id=" + URLEncoder.encode(runId, StandardCharsets.UTF_8));
        Answer answer = call(server, new Request.Builder().url(url).get(), LONGEST_ANSWER);
        if (answer.status() == 404 || answer.status() == 400 || answer.status() == 401 || answer.status() == 403) {
            throw new Refused("MLflow answered " + answer.status());
        }
        if (answer.status() != 200) {
            throw new Unavailable("MLflow answered " + answer.status());
        }
        try {
            return read(json.readTree(answer.body()));
        } catch (JacksonException | IllegalArgumentException e) {
            throw new Unavailable("MLflow sent something that is not a run: " + e.getClass().getSimpleName());
        }
    }

    /**
     * One page of the experiment's runs that finished after {@code endedAfter} (MLflow's milliseconds),
     * oldest end first, so that a cursor on the end time can follow them.
     */
    Page search(TrackingServer server, String experimentId, long endedAfter, int maxResults, String pageToken) {
        Map<String, Object> query = new LinkedHashMap<>();
        query.put("experiment_ids", List.of(experimentId));
        query.put("filter", "attributes.status = 'FINISHED' AND attributes.end_time > " + endedAfter);
        query.put("order_by", List.of("attributes.end_time ASC"));
        query.put("max_results", maxResults);
        if (pageToken != null) {
            query.put("page_token", pageToken);
        }
        HttpUrl url = url(server, "/api/2.0/mlflow/runs/search");
        Answer answer = call(server, new Request.Builder().url(url)
                .post(RequestBody.create(json.writeValueAsString(query), JSON)), LONGEST_PAGE);
        if (answer.status() >= 400 && answer.status() < 500 && answer.body().contains("RESOURCE_DOES_NOT_EXIST")) {
            throw new ExperimentGone("MLflow says experiment " + experimentId + " does not exist");
        }
        if (answer.status() == 404 || answer.status() == 400 || answer.status() == 401 || answer.status() == 403) {
            throw new Refused("MLflow answered " + answer.status());
        }
        if (answer.status() != 200) {
            throw new Unavailable("MLflow answered " + answer.status());
        }
        try {
            JsonNode root = json.readTree(answer.body());
            if (!root.isObject()) {
                throw new IllegalArgumentException("not an object");
            }
            List<Found> found = new ArrayList<>();
            for (JsonNode run : root.path("runs")) {
                String runId = run.path("info").path("run_id").asString("");
                if (runId.isBlank() || runId.length() > RunService.MAX_ID) {
                    continue;
                }
                found.add(new Found(runId, owner(run), read(json.createObjectNode().set("run", run))));
            }
            String next = root.path("next_page_token").asString("");
            return new Page(found, next.isBlank() ? null : next);
        } catch (JacksonException | IllegalArgumentException e) {
            throw new Unavailable("MLflow sent something that is not a page of runs: " + e.getClass().getSimpleName());
        }
    }

    /** Who ran it: MLflow's {@code user_id}, else the {@code mlflow.user} tag; an e-mail of either wins. */
    static String owner(JsonNode run) {
        String userId = run.path("info").path("user_id").asString("").strip();
        String tagged = "";
        for (JsonNode tag : run.path("data").path("tags")) {
            if ("mlflow.user".equals(tag.path("key").asString(""))) {
                tagged = tag.path("value").asString("").strip();
            }
        }
        String owner = userId.contains("@") ? userId : tagged.contains("@") ? tagged : !userId.isEmpty() ? userId : tagged;
        // one person however MLflow spelled their address, so that their runs go in one DM
        owner = owner.contains("@") ? owner.toLowerCase(java.util.Locale.ROOT) : owner;
        return owner.isEmpty() || owner.length() > 320 ? null : owner;
    }

    private record Answer(int status, String body) {
    }

    private HttpUrl url(TrackingServer server, String path) {
        Optional<String> problem = OutboundAddressRule.problemWithUrl(server.url(), addresses.policy());
        if (problem.isPresent()) {
            throw new Refused("MLflow address refused: " + problem.get());
        }
        String base = server.url().endsWith("/") ? server.url().substring(0, server.url().length() - 1) : server.url();
        HttpUrl url = HttpUrl.parse(base + path);
        if (url == null) {
            throw new Refused("MLflow address refused: not a URL");
        }
        return url;
    }

    private Answer call(TrackingServer server, Request.Builder request, long longest) {
        request.header("Accept", "application/json");
        if (server.token() != null && !server.token().isBlank()) {
            request.header("Authorization", "Bearer " + server.token());
        }
        try (Response response = http.newCall(request.build()).execute()) {
            return new Answer(response.code(), read(response.body(), longest));
        } catch (RefusedAddress refused) {
            throw new Refused("MLflow address refused: " + refused.getMessage());
        } catch (IOException e) {
            throw new Unavailable("MLflow did not answer: " + e.getClass().getSimpleName());
        }
    }

    private static String read(ResponseBody body, long longest) throws IOException {
        if (body == null) {
            return "";
        }
        BufferedSource source = body.source();
        if (source.request(longest + 1)) {
            throw new IOException("answer longer than " + longest + " bytes");
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
