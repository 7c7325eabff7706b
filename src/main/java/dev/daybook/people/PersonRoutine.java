package dev.daybook.people;

import java.time.LocalDate;
import java.util.List;

/** Everything the schedules need to know about one person: their calendar, their settings, their time away. */
public record PersonRoutine(PersonProfile profile, PersonalSettings settings, List<AwayPeriod> away) {

    public PersonRoutine {
        away = List.copyOf(away);
    }

    public String teamId() {
        return profile.teamId();
    }

    public String userId() {
        return profile.userId();
    }

    /** Their calendar with their time away: away days are not working days. */
    public WorkingCalendar calendar() {
        return profile.calendar().withAway(away);
    }

    public boolean isAwayOn(LocalDate day) {
        return away.stream().anyMatch(a -> a.covers(day));
    }
}
