package dev.daybook.people;

import java.time.LocalDate;

/** Local days a person is away, both ends included: no reminders and no budget notes then. */
public record AwayPeriod(LocalDate firstDay, LocalDate lastDay) {

    public boolean covers(LocalDate day) {
        return !day.isBefore(firstDay) && !day.isAfter(lastDay);
    }
}
