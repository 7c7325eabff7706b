package dev.daybook.runs;

import java.time.Instant;
import java.util.Map;

/**
 * What a script, an update or a tracking server says about a run. Null fields leave what is known as
 * it is; metrics and params are merged into the run's (a name sent again replaces its value).
 */
public record RunReport(String source, String externalId, String name, String url, String status,
                        Map<String, Double> metrics, Map<String, String> params, Instant startedAt,
                        Instant finishedAt, String reportedBy) {

    public RunReport {
        metrics = metrics == null ? Map.of() : Map.copyOf(metrics);
        params = params == null ? Map.of() : Map.copyOf(params);
    }

    public static RunReport referenced(String source, String externalId, String url, Map<String, Double> metrics,
                                       String reportedBy) {
        return new RunReport(source, externalId, null, url, null, metrics, Map.of(), null, null, reportedBy);
    }
}
