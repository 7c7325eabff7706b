package dev.daybook.clientasks;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param checkEvery how often the scheduler looks for client asks older than their project's limit */
@ConfigurationProperties("daybook.client-asks")
record ClientAskSettings(@DefaultValue("15m") Duration checkEvery) {
}
