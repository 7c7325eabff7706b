package dev.daybook.runs.wandb;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import okhttp3.Credentials;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

import dev.daybook.runs.comparison.Measurement;
import dev.daybook.runs.RunService;
import dev.daybook.support.GuardedHttp;
import dev.daybook.support.GuardedHttp.RefusedAddress;
import dev.daybook.support.HostResolver;
import dev.daybook.support.OutboundAddressRule;
import dev.daybook.updates.parsing.ReferenceReader;

/**
 * Reads one run from W&amp;B's public GraphQL API ({@code POST /graphql}, basic auth {@code api:<key>}), at
 * an address checked when it is called ({@link OutboundAddressRule}, with the policy the projects' MLflow
 * servers are held to), with short connect and read timeouts. It knows nothing of how runs are kept: the
 * enrichment in {@code runs} merges what it returns.
 */
public class WandbClient {

    /** What W&amp;B knows of a run: the same parts MLflow reports, without start and end times. */
    public record Run(String name, String status, Map<String, Double> metrics, Map<String, String> params,
                      Measurement measured) {
    }

    static final String QUERY = "query Run($entity:String!,$project:String!,$name:String!){ "
            + "project(name:$project, entityName:$entity){ run(name:$name){ name displayName state config "
            + "summaryMetrics commit } } }";

    /** Where a run lives in W&amp;B: {@code https://wandb.ai/<entity>/<project>/runs/<name>}. */
    public record RunPath(String entity, String project, String name) {

        /** The run's path from its link, or empty when the link does not say (a bare {@code wandb:<id>}). */
        public static Optional<RunPath> fromUrl(String url, String name) {
            if (url == null || name == null || name.isBlank()) {
                return Optional.empty();
            }
            String path;
            try {
                path = URI.create(url.strip()).getPath();
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
            if (path == null) {
                return Optional.empty();
            }
            List<String> parts = java.util.Arrays.stream(path.split("/")).filter(p -> !p.isEmpty()).toList();
            for (int i = 2; i < parts.size(); i++) {
                if (parts.get(i).equals("runs")) {
                    return Optional.of(new RunPath(parts.get(i - 2), parts.get(i - 1), name));
                }
            }
            return Optional.empty();
        }
    }

    /** W&amp;B could not answer now (down, slow, 5xx, junk): worth asking again later. */
    public static final class Unavailable extends RuntimeException {
        Unavailable(String message) {
            super(message);
        }
    }

    /** W&amp;B answered that it has no such run, or refuses us: asking again will not help. */
    public static class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    /** W&amp;B refused the API key itself: no run can be read until the key is changed. */
    public static final class KeyRefused extends Refused {
        KeyRefused(String message) {
            super(message);
        }
    }

    private static final long LONGEST_ANSWER = 1 << 20;
    private static final MediaType JSON = MediaType.get("application/json");

    private final WandbSettings settings;
    private final OutboundAddressRule.Policy addresses;
    private final OkHttpClient http;
    private final JsonMapper json = JsonMapper.builder().build();

    public WandbClient(WandbSettings settings, OutboundAddressRule.Policy addresses, HostResolver resolver) {
        this.settings = settings;
        this.addresses = addresses;
        this.http = GuardedHttp.client(settings.connectTimeout(), settings.timeout(), resolver, addresses);
    }

    public Run fetch(RunPath run) {
        if (!settings.configured()) {
            throw new Refused("no W&B API key is configured");
        }
        Optional<String> problem = OutboundAddressRule.problemWithUrl(settings.baseUrl(), addresses);
        if (problem.isPresent()) {
            throw new Refused("W&B address refused: " + problem.get());
        }
        String base = settings.baseUrl().replaceAll("/+$", "");
        HttpUrl url = HttpUrl.parse(base + "/graphql");
        if (url == null) {
            throw new Refused("W&B address refused: not a URL");
        }
        ObjectNode body = json.createObjectNode();
        body.put("query", QUERY);
        ObjectNode variables = body.putObject("variables");
        variables.put("entity", run.entity());
        variables.put("project", run.project());
        variables.put("name", run.name());
        Request request = new Request.Builder().url(url)
                .header("Accept", "application/json")
                .header("Authorization", Credentials.basic("api", settings.apiKey(), StandardCharsets.UTF_8))
                .post(RequestBody.create(json.writeValueAsString(body), JSON))
                .build();
        int status;
        String answer;
        try (Response response = http.newCall(request).execute()) {
            status = response.code();
            answer = read(response.body());
        } catch (RefusedAddress refused) {
            throw new Refused("W&B address refused: " + refused.getMessage());
        } catch (IOException e) {
            throw new Unavailable("W&B did not answer: " + e.getClass().getSimpleName());
        }
        if (status == 401 || status == 403) {
            throw new KeyRefused("W&B refused the API key (" + status + ")");
        }
        if (status == 400 || status == 404) {
            throw new Refused("W&B answered " + status);
        }
        if (status != 200) {
            throw new Unavailable("W&B answered " + status);
        }
        JsonNode root;
        try {
            root = json.readTree(answer);
        } catch (JacksonException e) {
            throw new Unavailable("W&B sent something that is not an answer: " + e.getClass().getSimpleName());
        }
        JsonNode found = root.path("data").path("project").path("run");
        if (!found.isObject()) {
            if (root.path("errors").isArray() && !root.path("errors").isEmpty()) {
                throw new Refused("W&B answered: " + limit(root.path("errors").get(0).path("message").asString(""), 200));
            }
            throw new Refused("W&B has no run " + run.name() + " in " + run.entity() + "/" + run.project());
        }
        return read(found);
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

    /**
     * The run as Daybook keeps it. A config or summary that is not JSON is left out (the rest is kept):
     * asking again would get the same.
     */
    Run read(JsonNode run) {
        Map<String, String> params = config(jsonText(run.path("config")));
        Map<String, Double> metrics = summary(jsonText(run.path("summaryMetrics")));
        String commit = run.path("commit").isString() ? run.path("commit").asString() : null;
        return new Run(limit(run.path("displayName").asString(null), 255),
                limit(run.path("state").asString(null), 32), metrics, params, measured(params, commit));
    }

    /**
     * What the run was measured on: its config read by the names {@link Measurement} reads, and its
     * commit as the code version; parts that contradict each other are left unknown, as for MLflow.
     */
    public static Measurement measured(Map<String, String> params, String commit) {
        Map<String, String> fromRun = commit == null ? Map.of() : Map.of("git_commit", commit);
        return Measurement.agreeing(Measurement.fromParams(params).measured(),
                Measurement.fromParams(fromRun).measured());
    }

    /** A field W&amp;B sends as a JSON string (or, from some servers, as the object itself). */
    private JsonNode jsonText(JsonNode field) {
        if (field.isObject()) {
            return field;
        }
        if (!field.isString()) {
            return null;
        }
        try {
            JsonNode parsed = json.readTree(field.asString());
            return parsed.isObject() ? parsed : null;
        } catch (JacksonException e) {
            return null;
        }
    }

    /** Config entries are {@code {"key": {"value": ..., "desc": ...}}}; W&amp;B's own ({@code _wandb}) are left out. */
    private Map<String, String> config(JsonNode config) {
        Map<String, String> params = new LinkedHashMap<>();
        if (config == null) {
            return params;
        }
        for (Map.Entry<String, JsonNode> entry : config.properties()) {
            String key = entry.getKey();
            JsonNode value = entry.getValue().isObject() && entry.getValue().has("value")
                    ? entry.getValue().get("value") : entry.getValue();
            if (key.isBlank() || key.startsWith("_") || key.length() > 100 || value == null || value.isNull()) {
                continue;
            }
            String text = value.isValueNode() ? value.asString() : json.writeValueAsString(value);
            if (text.length() <= 500 && params.size() < RunService.MAX_PARAMS) {
                params.put(key, text);
            }
        }
        return params;
    }

    /** Summary metrics that are finite numbers; W&amp;B's own ({@code _step}, {@code _runtime}) are left out. */
    private static Map<String, Double> summary(JsonNode summary) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        if (summary == null) {
            return metrics;
        }
        for (Map.Entry<String, JsonNode> entry : summary.properties()) {
            if (entry.getKey().startsWith("_") || !entry.getValue().isNumber()) {
                continue;
            }
            String name = ReferenceReader.normaliseMetric(entry.getKey());
            double value = entry.getValue().asDouble();
            if (name != null && Double.isFinite(value) && metrics.size() < RunService.MAX_METRICS) {
                metrics.put(name, value);
            }
        }
        return metrics;
    }

    private static String limit(String text, int max) {
        return text == null || text.isBlank() ? null : text.length() > max ? text.substring(0, max) : text;
    }
}
