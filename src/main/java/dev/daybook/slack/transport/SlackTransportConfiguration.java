package dev.daybook.slack.transport;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Brings in {@link SlackWiring}, which decides at every start how Slack is wired. */
@Configuration(proxyBeanMethods = false)
@Import(SlackWiring.class)
class SlackTransportConfiguration {
}
