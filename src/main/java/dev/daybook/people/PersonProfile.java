package dev.daybook.people;

import java.time.ZoneId;

/**
 * What Daybook knows about a member of a workspace.
 *
 * @param timeZoneKnown false when the zone is the deployment default because Slack has not told us theirs yet
 */
public record PersonProfile(String teamId, String userId, String displayName, WorkingCalendar calendar,
                            boolean timeZoneKnown) {

    public ZoneId zone() {
        return calendar.zone();
    }

    /** A name to show to humans; falls back to the user id, never to a mention that would ping. */
    public String name() {
        return displayName == null || displayName.isBlank() ? userId : displayName;
    }
}
