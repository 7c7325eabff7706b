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
 */
@ConfigurationProperties("daybook.mlflow")
record MlflowSettings(Duration timeout, Duration connectTimeout, Integer attempts) {

    MlflowSettings {
        timeout = timeout == null ? Duration.ofSeconds(5) : timeout;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(2) : connectTimeout;
        attempts = attempts == null ? 3 : attempts;
    }
}
