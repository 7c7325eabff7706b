package dev.daybook.people;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import dev.daybook.support.StorableText;

@Entity
@Table(name = "person")
class PersonEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String teamId;

    @Column(nullable = false)
    private String userId;

    private String displayName;

    private String timeZone;

    @Column(nullable = false)
    private String workingDays;

    private Instant refreshedAt;

    /** {@code HH:mm}; null means the deployment default. */
    private String reminderTime;

    @Column(name = "reminders_on", nullable = false)
    private boolean reminders = true;

    @Column(name = "follow_up_on", nullable = false)
    private boolean followUp = true;

    @Column(name = "planning_note_on", nullable = false)
    private boolean planningNote = true;

    @Column(name = "budget_nudge_on", nullable = false)
    private boolean budgetNudge = true;

    private Instant settingsSavedAt;

    @Column(nullable = false)
    private Instant createdAt;

    protected PersonEntity() {
    }

    PersonEntity(String teamId, String userId, Instant now) {
        this.teamId = teamId;
        this.userId = userId;
        this.workingDays = encode(WorkingCalendar.MONDAY_TO_FRIDAY);
        this.createdAt = now;
    }

    void refresh(String displayName, String timeZone, Instant now) {
        if (displayName != null && !displayName.isBlank()) {
            String storable = StorableText.of(displayName).strip();
            this.displayName = storable.length() > 255 ? storable.substring(0, 255) : storable;
        }
        if (timeZone != null && isValidZone(timeZone)) {
            this.timeZone = timeZone;
        }
        this.refreshedAt = now;
    }

    void workingDays(Set<DayOfWeek> days) {
        this.workingDays = encode(days);
    }

    void apply(PersonalSettings settings, Set<DayOfWeek> days, Instant now) {
        this.reminderTime = settings.reminderTimeIsDefault() ? null : settings.reminderTime().toString();
        this.reminders = settings.reminders();
        this.followUp = settings.followUp();
        this.planningNote = settings.planningNote();
        this.budgetNudge = settings.budgetNudge();
        this.workingDays = encode(days == null || days.isEmpty() ? WorkingCalendar.MONDAY_TO_FRIDAY : days);
        this.settingsSavedAt = now;
    }

    PersonalSettings toSettings(LocalTime defaultTime) {
        LocalTime chosen = reminderTime == null ? null : LocalTime.parse(reminderTime);
        return new PersonalSettings(chosen == null ? defaultTime : chosen, chosen == null, reminders, followUp,
                planningNote, budgetNudge, settingsSavedAt != null);
    }

    String teamId() {
        return teamId;
    }

    String userId() {
        return userId;
    }

    PersonProfile toProfile(ZoneId defaultZone) {
        boolean known = timeZone != null;
        ZoneId zone = known ? ZoneId.of(timeZone) : defaultZone;
        return new PersonProfile(teamId, userId, displayName, new WorkingCalendar(zone, decode(workingDays)), known);
    }

    Instant refreshedAt() {
        return refreshedAt;
    }

    private static boolean isValidZone(String zone) {
        try {
            ZoneId.of(zone);
            return true;
        } catch (RuntimeException e) {
            return false;
        }
    }

    private static String encode(Set<DayOfWeek> days) {
        return days.stream().sorted().map(d -> d.name().substring(0, 3)).collect(Collectors.joining(","));
    }

    private static Set<DayOfWeek> decode(String days) {
        Set<DayOfWeek> result = EnumSet.noneOf(DayOfWeek.class);
        Arrays.stream(days.split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(code ->
                Arrays.stream(DayOfWeek.values()).filter(d -> d.name().startsWith(code)).forEach(result::add));
        return result;
    }
}
