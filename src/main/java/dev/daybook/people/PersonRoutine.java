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

    public WorkingCalendar calendar() {
        return profile.calendar();
    }

    public boolean isAwayOn(LocalDate day) {
        return away.stream().anyMatch(a -> a.covers(day));
    }
}
