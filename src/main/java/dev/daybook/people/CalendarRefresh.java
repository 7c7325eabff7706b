package dev.daybook.people;

import java.time.ZoneId;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Fetches holiday calendars and out-of-office feeds again once their copy is older than
 * {@code daybook.calendars.refresh-every}. Every instance may do it: a fetch only replaces a copy
 * with a newer one (or records a problem and keeps the copy), so doing it twice does no harm.
 * {@code daybook.calendars.refresh=false} turns it off; read at run time rather than as a bean
 * condition, which the jar's ahead-of-time processing would fix at build time.
 */
@Component
class CalendarRefresh {

    private final DaysOff daysOff;
    private final PersonDirectory people;
    private final boolean enabled;

    CalendarRefresh(DaysOff daysOff, PersonDirectory people,
                    @Value("${daybook.calendars.refresh:true}") boolean enabled) {
        this.daysOff = daysOff;
        this.people = people;
        this.enabled = enabled;
    }

    @Scheduled(initialDelayString = "${daybook.calendars.check-every:PT10M}",
            fixedDelayString = "${daybook.calendars.check-every:PT10M}")
    void refresh() {
        if (!enabled) {
            return;
        }
        daysOff.refreshStale(ref -> zoneOf(ref));
    }

    private ZoneId zoneOf(PersonRef ref) {
        return people.profile(ref.teamId(), ref.userId()).zone();
    }
}
