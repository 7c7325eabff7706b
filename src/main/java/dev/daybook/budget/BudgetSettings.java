package dev.daybook.budget;

import java.time.Duration;
import java.time.LocalTime;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param planningTime local time of the Monday planning note (on the person's first working day of the week)
 * @param nudgeTime    local time of the mid-week check (Wednesday and Thursday)
 * @param checkEvery   how often the scheduler looks for notes that are due
 * @param staleAfter   a note not sent within this long of its time (the service was down) is skipped
 */
@ConfigurationProperties("daybook.budget")
record BudgetSettings(@DefaultValue("09:30") LocalTime planningTime,
                      @DefaultValue("14:00") LocalTime nudgeTime,
                      @DefaultValue("1m") Duration checkEvery,
                      @DefaultValue("1h") Duration staleAfter) {
}
