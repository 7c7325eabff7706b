package dev.daybook.runs.api;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.annotation.JsonInclude;

import dev.daybook.runs.RunView;

/** A run as the HTTP API writes it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
record RunJson(long id, String externalId, String source, String name, String url, String status,
               Map<String, Double> metrics, Map<String, String> params, String verification, String verifiedBy,
               String disputeReason, String reportedBy, Instant reportedAt, Instant updatedAt, Instant startedAt,
               Instant finishedAt, Dataset dataset, String split, Long seed, String codeVersion) {

    /** The dataset a run was measured on; {@code version} is a version or a content hash. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Dataset(String name, String version) {
    }

    static RunJson of(RunView run) {
        return new RunJson(run.id(), run.externalId(), run.source(), run.name(), run.url(), run.status(),
                new TreeMap<>(run.metrics()), new TreeMap<>(run.params()), run.verification().name().toLowerCase(Locale.ROOT),
                run.verifiedBy(), run.disputeReason(), run.reportedBy(), run.reportedAt(), run.updatedAt(),
                run.startedAt(), run.finishedAt(),
                run.measured().dataset() == null && run.measured().datasetVersion() == null ? null
                        : new Dataset(run.measured().dataset(), run.measured().datasetVersion()),
                run.measured().split(), run.measured().seed(), run.measured().codeVersion());
    }
}
