package dev.daybook.runs.wandb;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How Daybook reads runs from Weights &amp; Biases. Without an API key nothing is asked of W&amp;B: runs
 * named by their W&amp;B link keep what the update or script said.
 *
 * @param apiKey         a W&amp;B API key (wandb.ai/authorize) of a user who can read the projects runs are
 *                       named from; sent as basic auth {@code api:<key>}
 * @param baseUrl        the W&amp;B API, {@code https://api.wandb.ai}, or a W&amp;B server of your own; it must pass
 *                       the same address rule as MLflow servers ({@code daybook.runs.tracking-servers.*})
 * @param timeout        how long one call may take, all in
 * @param connectTimeout how long connecting may take
 * @param attempts       how many times a run is asked for before Daybook gives up on it
 */
@ConfigurationProperties("daybook.wandb")
public record WandbSettings(String apiKey, String baseUrl, Duration timeout, Duration connectTimeout, Integer attempts) {

    public WandbSettings {
        apiKey = apiKey == null || apiKey.isBlank() ? null : apiKey.strip();
        baseUrl = baseUrl == null || baseUrl.isBlank() ? "https://api.wandb.ai" : baseUrl.strip();
        timeout = timeout == null ? Duration.ofSeconds(5) : timeout;
        connectTimeout = connectTimeout == null ? Duration.ofSeconds(2) : connectTimeout;
        attempts = attempts == null ? 3 : attempts;
    }

    public boolean configured() {
        return apiKey != null;
    }

    @Override
    public String toString() {
        return "WandbSettings[apiKey=" + (apiKey == null ? "none" : "set") + ", baseUrl=" + baseUrl + ", timeout="
                + timeout + ", connectTimeout=" + connectTimeout + ", attempts=" + attempts + "]";
    }
}
