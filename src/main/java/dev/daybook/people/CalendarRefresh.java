package dev.daybook.people;

import java.time.ZoneId;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Fetches holiday calendars and out-of-office feeds again once their copy is older than
 * {@code daybook.calendars.refresh-every}. Every instance may do it: a fetch only replaces a copy
 * with a newer one (or records a problem and keeps the copy), so doing it twice does no harm.
 */
@Component
@ConditionalOnProperty(name = "daybook.calendars.refresh", havingValue = "true", matchIfMissing = true)
class CalendarRefresh {

    private final DaysOff daysOff;
    private final PersonDirectory people;

    CalendarRefresh(DaysOff daysOff, PersonDirectory people) {
        this.daysOff = daysOff;
        this.people = people;
    }

    @Scheduled(initialDelayString = "${daybook.calendars.check-every:PT10M}",
            fixedDelayString = "${daybook.calendars.check-every:PT10M}")
    void refresh() {
        daysOff.refreshStale(ref -> zoneOf(ref));
    }

    private ZoneId zoneOf(PersonRef ref) {
        return people.profile(ref.teamId(), ref.userId()).zone();
    }
}
