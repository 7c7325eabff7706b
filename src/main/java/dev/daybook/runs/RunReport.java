package dev.daybook.runs;

import java.time.Instant;
import java.util.Map;

import dev.daybook.runs.comparison.Measurement;

/**
 * What a script, an update or a tracking server says about a run. Null fields leave what is known as
 * it is (for {@code measured}, each unknown part); metrics and params are merged into the run's (a name sent again replaces its value).
 */
public record RunReport(String source, String externalId, String name, String url, String status,
                        Map<String, Double> metrics, Map<String, String> params, Instant startedAt,
                        Instant finishedAt, String reportedBy, Measurement measured) {

    public RunReport {
        metrics = metrics == null ? Map.of() : Map.copyOf(metrics);
        params = params == null ? Map.of() : Map.copyOf(params);
        measured = measured == null ? Measurement.NONE : measured;
    }

    public RunReport(String source, String externalId, String name, String url, String status,
                     Map<String, Double> metrics, Map<String, String> params, Instant startedAt,
                     Instant finishedAt, String reportedBy) {
        this(source, externalId, name, url, status, metrics, params, startedAt, finishedAt, reportedBy, null);
    }

    public static RunReport referenced(String source, String externalId, String url, Map<String, Double> metrics,
                                       String reportedBy) {
        return new RunReport(source, externalId, null, url, null, metrics, Map.of(), null, null, reportedBy);
    }
}
