package dev.daybook.runs;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How Daybook talks to MLflow tracking servers.
 *
 * @param timeout        how long one {@code runs/get} call may take, all in; the work runs after the update
 *                       is saved, so a slow server delays nothing but the metrics
 * @param connectTimeout how long connecting to the server may take
 * @param attempts       how many times a run's metrics are asked for before Daybook gives up on it
 * @param pollEvery      how often the experiments projects watch are searched for runs that finished
 * @param pageSize       how many runs one {@code runs/search} call asks for ({@code max_results}); MLflow
 *                       may answer with fewer, and the rest come on the next pages
 */
@ConfigurationProperties("daybook.mlflow")
record MlflowSettings(Duration timeout, Duration connectTimeout, Integer attempts, Duration pollEvery, Integer pageSize) {

    MlflowSettings {
        timeout = timeout == null ? Duration.ofSeconds(5) : timeout;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(2) : connectTimeout;
        attempts = attempts == null ? 3 : attempts;
        pollEvery = pollEvery == null ? Duration.ofMinutes(5) : pollEvery;
        if (pollEvery.compareTo(Duration.ofSeconds(10)) < 0) {
            throw new IllegalArgumentException("daybook.mlflow.poll-every must be at least 10s, not " + pollEvery);
        }
        pageSize = pageSize == null ? 100 : pageSize;
        if (pageSize < 1 || pageSize > 1000) {
            throw new IllegalArgumentException("daybook.mlflow.page-size is 1 to 1000, not " + pageSize);
        }
    }
}
