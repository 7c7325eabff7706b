package dev.daybook.runs.api;

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.JsonNode;

import dev.daybook.runs.comparison.Measurement;
import dev.daybook.runs.RunService;
import dev.daybook.runs.RunView;
import dev.daybook.runs.RunReport;
import dev.daybook.access.ApiCaller;
import dev.daybook.access.ApiProjects;
import dev.daybook.projects.Project;
import dev.daybook.updates.parsing.ReferenceReader;

/**
 * {@code POST /api/v1/runs}: training scripts register a run (sending the same {@code externalId}
 * again updates it); {@code GET /api/v1/runs?project=}: a project's recent runs.
 */
@RestController
@RequestMapping("/api/v1/runs")
class RunsApiController {

    static final int MAX_LIMIT = 500;

    private final RunService runs;
    private final ApiProjects projects;

    RunsApiController(RunService runs, ApiProjects projects) {
        this.runs = runs;
        this.projects = projects;
    }

    @GetMapping
    List<RunJson> list(@RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller,
                       @RequestParam(required = false) String project,
                       @RequestParam(required = false) String team,
                       @RequestParam(required = false, defaultValue = "50") String limit) {
        int max;
        try {
            max = Integer.parseInt(limit.strip());
        } catch (NumberFormatException e) {
            throw bad("'limit' must be a whole number from 1 to " + MAX_LIMIT + ".");
        }
        if (max < 1 || max > MAX_LIMIT) {
            throw bad("'limit' must be a whole number from 1 to " + MAX_LIMIT + ".");
        }
        Project found = projects.resolve(caller, project, team);
        return runs.recent(found.teamId(), found.id(), max).stream().map(RunJson::of).toList();
    }

    @PostMapping
    ResponseEntity<RunJson> register(@RequestAttribute(ApiCaller.ATTRIBUTE) ApiCaller caller,
                                     @RequestParam(required = false) String team,
                                     @RequestBody(required = false) JsonNode body) {
        if (body == null || !body.isObject()) {
            throw bad("Send the run as a JSON object, like {\"externalId\": \"...\", \"metrics\": {\"auc\": 0.91}}.");
        }
        Project project = projects.resolve(caller, text(body, "project", 255), team);
        String externalId = text(body, "externalId", RunService.MAX_ID);
        if (externalId == null || externalId.isBlank()) {
            throw bad("'externalId' is required: the run's id in your tracker (or any id you choose), at most "
                    + RunService.MAX_ID + " characters.");
        }
        String url = text(body, "url", 2000);
        if (url != null && !isLink(url)) {
            throw bad("'url' must be an http(s) link to the run, like https://mlflow.example.com/#/experiments/1/runs/abc, "
                    + "without spaces, '<', '>' or '|'.");
        }
        String user = text(body, "user", 32);
        if (user != null && !user.matches("[UW][A-Z0-9]{2,31}")) {
            throw bad("'user' must be a Slack user id like U024BE7LH.");
        }
        Map<String, String> params = params(body.get("params"));
        RunReport report = new RunReport("api", externalId.strip(), text(body, "name", 255), url,
                text(body, "status", 32), metrics(body.get("metrics")), params,
                instant(body, "startedAt"), instant(body, "finishedAt"), user, measured(body, params));
        boolean existed = runs.byExternalId(project.teamId(), project.id(), report.externalId()).isPresent();
        RunView run = runs.report(project.teamId(), project.id(), report);
        return ResponseEntity.status(existed ? HttpStatus.OK : HttpStatus.CREATED)
                .location(URI.create("/api/v1/runs?project=" + project.name()))
                .body(RunJson.of(run));
    }

    /**
     * What the run was measured on: the fields {@code dataset} (a name, or {"name", "version"} or
     * {"name", "hash"}), {@code datasetVersion}, {@code split}, {@code seed} and {@code codeVersion},
     * completed from params with the names {@link Measurement} reads. The same part given twice with
     * different values is refused: which one is right is the script's to say.
     */
    static Measurement measured(JsonNode body, Map<String, String> params) {
        String dataset = null;
        String version = null;
        JsonNode node = body.get("dataset");
        if (node != null && !node.isNull()) {
            if (node.isString()) {
                dataset = text(body, "dataset", Measurement.MAX_DATASET);
            } else if (node.isObject()) {
                for (String key : node.propertyNames()) {
                    if (!List.of("name", "version", "hash").contains(key)) {
                        throw bad("'dataset' has the fields name, version and hash; '" + shorten(key) + "' is not one of them.");
                    }
                }
                dataset = text(node, "name", Measurement.MAX_DATASET, "dataset.name");
                String v = text(node, "version", Measurement.MAX_VERSION, "dataset.version");
                String hash = text(node, "hash", Measurement.MAX_VERSION, "dataset.hash");
                if (v != null && hash != null && !v.equals(hash)) {
                    throw bad("Give the dataset's version or its hash, not both: 'dataset.version' is " + shorten(v)
                            + " and 'dataset.hash' is " + shorten(hash) + ".");
                }
                version = v != null ? v : hash;
            } else {
                throw bad("'dataset' must be a name, like \"invoices\", or an object like {\"name\": \"invoices\", \"version\": \"v4\"}.");
            }
        }
        String topVersion = text(body, "datasetVersion", Measurement.MAX_VERSION);
        if (version != null && topVersion != null && !version.equals(topVersion)) {
            throw bad("The dataset version is given twice, differently: " + shorten(version) + " in 'dataset' and "
                    + shorten(topVersion) + " in 'datasetVersion'. Send one.");
        }
        version = version != null ? version : topVersion;
        String split = text(body, "split", Measurement.MAX_SPLIT);
        String code = text(body, "codeVersion", Measurement.MAX_CODE);
        if (code != null && !code.matches("[A-Za-z0-9._/+-]+")) {
            throw bad("'codeVersion' must be a git commit or tag, like 3f2c1ab, without spaces.");
        }
        Long seed = null;
        JsonNode seedNode = body.get("seed");
        if (seedNode != null && !seedNode.isNull()) {
            seed = seedNode.isIntegralNumber() && seedNode.canConvertToLong() ? Long.valueOf(seedNode.asLong())
                    : seedNode.isString() ? Measurement.parseSeed(seedNode.asString()) : null;
            if (seed == null) {
                throw bad("'seed' must be a whole number, like 42.");
            }
        }
        Measurement.Read fromParams = Measurement.fromParams(params);
        if (!fromParams.conflicts().isEmpty()) {
            throw bad("The params contradict each other: " + fromParams.conflicts().get(0) + ".");
        }
        Measurement p = fromParams.measured();
        agree("dataset", dataset, p.dataset());
        agree("dataset version", version, p.datasetVersion());
        agree("split", split, p.split());
        agree("seed", seed == null ? null : seed.toString(), p.seed() == null ? null : p.seed().toString());
        agree("codeVersion", code, p.codeVersion());
        return p.with(new Measurement(dataset, version, split, seed, code));
    }

    private static void agree(String what, String field, String param) {
        if (field != null && param != null && !field.equals(param)) {
            throw bad("The " + what + " is given twice, differently: " + shorten(field) + " in its field and "
                    + shorten(param) + " in 'params'. Send one.");
        }
    }

    private static Map<String, Double> metrics(JsonNode node) {
        Map<String, Double> metrics = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return metrics;
        }
        if (!node.isObject()) {
            throw bad("'metrics' must be an object of names and numbers, like {\"val_f1\": 0.87}.");
        }
        if (node.size() > RunService.MAX_METRICS) {
            throw bad("Send at most " + RunService.MAX_METRICS + " metrics per run.");
        }
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            String name = ReferenceReader.normaliseMetric(entry.getKey());
            if (name == null) {
                throw bad("The metric name '" + shorten(entry.getKey()) + "' is not usable: start with a letter; "
                        + "letters, digits, spaces, '_', '-', '.', '/' and '@'; at most 64 characters.");
            }
            JsonNode value = entry.getValue();
            // numberValue() of a 400-digit number is a BigInteger or BigDecimal, whose double is infinite
            double number = value.isNumber() ? value.numberValue().doubleValue() : Double.NaN;
            if (!Double.isFinite(number)) {
                throw bad("The metric '" + name + "' must be a finite number, not " + shorten(value.toString()) + ".");
            }
            metrics.put(name, number);
        }
        return metrics;
    }

    private static Map<String, String> params(JsonNode node) {
        Map<String, String> params = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return params;
        }
        if (!node.isObject()) {
            throw bad("'params' must be an object, like {\"lr\": 0.001, \"model\": \"bert-base\"}.");
        }
        if (node.size() > RunService.MAX_PARAMS) {
            throw bad("Send at most " + RunService.MAX_PARAMS + " params per run.");
        }
        for (Map.Entry<String, JsonNode> entry : node.properties()) {
            JsonNode value = entry.getValue();
            if (entry.getKey().isBlank() || entry.getKey().length() > 100) {
                throw bad("Param names have 1 to 100 characters.");
            }
            if (!value.isValueNode()) {
                throw bad("The param '" + shorten(entry.getKey()) + "' must be a string, number or boolean.");
            }
            String written = value.isNull() ? "" : value.asString();
            if (written.length() > 500) {
                throw bad("The param '" + shorten(entry.getKey()) + "' is longer than 500 characters.");
            }
            params.put(entry.getKey(), written);
        }
        return params;
    }

    private static String text(JsonNode body, String field, int max) {
        return text(body, field, max, field);
    }

    private static String text(JsonNode body, String field, int max, String shownAs) {
        JsonNode node = body.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isString()) {
            throw bad("'" + shownAs + "' must be a string.");
        }
        String value = node.asString();
        if (value.length() > max) {
            throw bad("'" + shownAs + "' is longer than " + max + " characters.");
        }
        return value.isBlank() ? null : value.strip();
    }

    private static Instant instant(JsonNode body, String field) {
        String value = text(body, field, 64);
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw bad("'" + field + "' must be a UTC time like 2026-11-23T14:05:00Z.");
        }
    }

    /** An http(s) URL with a host, and nothing that could end a link in a message or start another. */
    static boolean isLink(String url) {
        if (!url.matches("(?i)https?://[^\\s<>|\\p{Cntrl}]+")) {
            return false;
        }
        try {
            URI uri = new URI(url);
            return uri.getRawAuthority() != null && !uri.getRawAuthority().isEmpty();
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static String shorten(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }

    private static ResponseStatusException bad(String detail) {
        return new ResponseStatusException(HttpStatus.BAD_REQUEST, detail);
    }
}
