package dev.daybook.digest;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param defaultDay    the weekday a project's summary goes out unless the project chose another
 * @param defaultTime   its local time, in the project's time zone
 * @param linkLifetime  how long a link to a summary's web page works
 * @param checkEvery    how often the scheduler looks for summaries that are due
 * @param lateAfter     a summary posted more than this after its time (the service was down) is marked late
 * @param catchUpWithin a summary missed for longer than this is not posted any more
 */
@ConfigurationProperties("daybook.digest")
public record DigestSettings(@DefaultValue("FRIDAY") DayOfWeek defaultDay,
                             @DefaultValue("16:00") LocalTime defaultTime,
                             @DefaultValue("30d") Duration linkLifetime,
                             @DefaultValue("1m") Duration checkEvery,
                             @DefaultValue("15m") Duration lateAfter,
                             @DefaultValue("3d") Duration catchUpWithin) {
}
