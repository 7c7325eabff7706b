package dev.daybook.people;

import java.time.LocalTime;
import java.time.ZoneId;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param defaultTimeZone     used for a person until Slack has told us their own zone
 * @param defaultReminderTime the end-of-day reminder time of everyone who has not chosen their own
 */
@ConfigurationProperties("daybook")
record PeopleSettings(@DefaultValue("UTC") ZoneId defaultTimeZone,
                      @DefaultValue("16:30") LocalTime defaultReminderTime) {
}
