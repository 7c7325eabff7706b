package dev.daybook.people;

import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param defaultTimeZone used for a person until Slack has told us their own zone */
@ConfigurationProperties("daybook")
record PeopleSettings(@DefaultValue("UTC") ZoneId defaultTimeZone) {
}
