package dev.daybook.slack.client;

import com.slack.api.Slack;
import com.slack.api.SlackConfig;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import dev.daybook.slack.transport.SlackSettings;

/** The one Slack Web API client configuration: base URL, timeouts. Everything that calls Slack uses it. */
@Configuration(proxyBeanMethods = false)
class SlackClientConfiguration {

    @Bean(destroyMethod = "close")
    Slack slack(SlackSettings settings) {
        SlackConfig config = new SlackConfig();
        config.setMethodsEndpointUrlPrefix(settings.methodsUrl());
        int timeout = (int) settings.timeout().toMillis();
        config.setHttpClientReadTimeoutMillis(timeout);
        config.setHttpClientWriteTimeoutMillis(timeout);
        config.setHttpClientCallTimeoutMillis(timeout * 2);
        config.setStatsEnabled(false);
        config.setPrettyResponseLoggingEnabled(false);
        return Slack.getInstance(config);
    }
}
