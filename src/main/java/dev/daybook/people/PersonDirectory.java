package dev.daybook.people;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Members of workspaces as far as Daybook knows them: name, time zone, working days, their own settings, time away. */
@Service
public class PersonDirectory {

    private final People people;
    private final PersonAways aways;
    private final PeopleSettings settings;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;
    private final DaysOff daysOff;

    PersonDirectory(People people, PersonAways aways, PeopleSettings settings, Clock clock,
                    PlatformTransactionManager transactions, DaysOff daysOff) {
        this.daysOff = daysOff;
        this.people = people;
        this.aways = aways;
        this.settings = settings;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The person's profile; an unknown person gets the default zone and Monday–Friday. */
    @Transactional(readOnly = true)
    public PersonProfile profile(String teamId, String userId) {
        return profileOf(teamId, userId, people.findByTeamIdAndUserId(teamId, userId).orElse(null));
    }

    /** Several people's profiles in one query, by user ID (for pages that name a whole team). */
    @Transactional(readOnly = true)
    public Map<String, PersonProfile> profiles(String teamId, Collection<String> userIds) {
        if (userIds.isEmpty()) {
            return Map.of();
        }
        Map<String, PersonEntity> known = known(teamId, userIds);
        Map<String, PersonProfile> profiles = new HashMap<>();
        for (String userId : userIds) {
            profiles.put(userId, profileOf(teamId, userId, known.get(userId)));
        }
        return profiles;
    }

    /** True when what we know is missing or older than {@code maxAge}, so the caller should ask Slack again. */
    @Transactional(readOnly = true)
    public boolean isStale(String teamId, String userId, Duration maxAge) {
        Optional<PersonEntity> person = people.findByTeamIdAndUserId(teamId, userId);
        return person.map(p -> p.refreshedAt() == null || p.refreshedAt().plus(maxAge).isBefore(clock.instant()))
                .orElse(true);
    }

    /** Records what Slack says about a person (name and time zone); both may be null when unknown. */
    public void remember(String teamId, String userId, String displayName, String timeZone) {
        try {
            upsert(teamId, userId, displayName, timeZone);
        } catch (DataIntegrityViolationException raced) {
            // Another request created the same person a moment ago: update theirs.
            upsert(teamId, userId, displayName, timeZone);
        }
    }

    /** The person's own settings for reminders and budget notes; defaults for someone Daybook does not know. */
    @Transactional(readOnly = true)
    public PersonalSettings settings(String teamId, String userId) {
        return settingsOf(people.findByTeamIdAndUserId(teamId, userId).orElse(null));
    }

    public LocalTime defaultReminderTime() {
        return settings.defaultReminderTime();
    }

    /** Saves what a person chose in "My settings": reminder time, working days, follow-up, notes. */
    public void saveSettings(String teamId, String userId, PersonalSettings chosen, Set<DayOfWeek> workingDays) {
        try {
            applySettings(teamId, userId, chosen, workingDays);
        } catch (DataIntegrityViolationException raced) {
            applySettings(teamId, userId, chosen, workingDays);
        }
    }

    private void applySettings(String teamId, String userId, PersonalSettings chosen, Set<DayOfWeek> workingDays) {
        ownTransaction.executeWithoutResult(status -> {
            PersonEntity person = people.findByTeamIdAndUserId(teamId, userId)
                    .orElseGet(() -> people.saveAndFlush(new PersonEntity(teamId, userId, clock.instant())));
            person.apply(chosen, workingDays, clock.instant());
        });
    }

    /** The person's away periods that have not ended yet (in their own today). */
    @Transactional(readOnly = true)
    public List<AwayPeriod> awayPeriods(String teamId, String userId) {
        LocalDate today = profile(teamId, userId).calendar().dayAt(clock.instant());
        return aways.findByTeamIdAndUserIdAndLastDayGreaterThanEqualOrderByFirstDay(teamId, userId, today).stream()
                .map(PersonAwayEntity::toPeriod).toList();
    }

    /** Records that the person is away on these local days (both included). */
    @Transactional
    public AwayPeriod goAway(String teamId, String userId, LocalDate firstDay, LocalDate lastDay) {
        if (lastDay.isBefore(firstDay)) {
            throw new IllegalArgumentException("An away period ends on or after its first day");
        }
        return aways.save(new PersonAwayEntity(teamId, userId, firstDay, lastDay, clock.instant())).toPeriod();
    }

    /** The person is back: away periods from today on are removed, one that started earlier ends yesterday. */
    @Transactional
    public boolean comeBack(String teamId, String userId) {
        LocalDate today = profile(teamId, userId).calendar().dayAt(clock.instant());
        List<PersonAwayEntity> open = aways.findByTeamIdAndUserIdAndLastDayGreaterThanEqualOrderByFirstDay(teamId,
                userId, today);
        for (PersonAwayEntity away : open) {
            if (away.firstDay().isBefore(today)) {
                away.endOn(today.minusDays(1));
            } else {
                aways.delete(away);
            }
        }
        return !open.isEmpty();
    }

    /**
     * What the schedules need for each of these people, and for everyone who saved their own settings
     * (they asked for reminders even before their first update).
     */
    @Transactional(readOnly = true)
    public List<PersonRoutine> routines(Collection<PersonRef> these) {
        Map<PersonRef, PersonEntity> known = new HashMap<>();
        Map<PersonRef, PersonalSettings> chosen = new HashMap<>();
        Set<PersonRef> wanted = new LinkedHashSet<>(these);
        for (PersonEntity p : people.findAll()) {
            PersonRef ref = new PersonRef(p.teamId(), p.userId());
            PersonalSettings theirs = settingsOf(p);
            known.put(ref, p);
            chosen.put(ref, theirs);
            if (theirs.saved()) {
                wanted.add(ref);
            }
        }
        // Away periods that may still matter somewhere on Earth today.
        Map<PersonRef, List<AwayPeriod>> away = new HashMap<>();
        aways.findByLastDayGreaterThanEqual(awayHorizon())
                .forEach(a -> away.computeIfAbsent(new PersonRef(a.teamId(), a.userId()), k -> new ArrayList<>())
                        .add(a.toPeriod()));
        daysOff.allFeedAway().forEach((ref, periods) -> away.computeIfAbsent(ref, k -> new ArrayList<>()).addAll(periods));
        List<PersonRoutine> routines = new ArrayList<>();
        for (PersonRef ref : wanted) {
            PersonEntity person = known.get(ref);
            routines.add(new PersonRoutine(profileOf(ref.teamId(), ref.userId(), person),
                    person == null ? settingsOf(null) : chosen.get(ref), away.getOrDefault(ref, List.of())));
        }
        return routines;
    }

    /** One person's routine, as {@link #routines(Collection)} would give it. */
    @Transactional(readOnly = true)
    public PersonRoutine routine(String teamId, String userId) {
        PersonEntity person = people.findByTeamIdAndUserId(teamId, userId).orElse(null);
        PersonProfile profile = profileOf(teamId, userId, person);
        LocalDate today = profile.calendar().dayAt(clock.instant());
        List<AwayPeriod> away = new ArrayList<>(aways.findByTeamIdAndUserIdAndLastDayGreaterThanEqualOrderByFirstDay(
                teamId, userId, today.minusDays(AWAY_HORIZON_DAYS)).stream().map(PersonAwayEntity::toPeriod).toList());
        away.addAll(daysOff.feedAway(teamId, List.of(userId)).getOrDefault(userId, List.of()));
        return new PersonRoutine(profile, settingsOf(person), away);
    }

    /**
     * The person's whole calendar: zone, working days and time away. What every rule that asks "is this
     * a working day for them" uses (filing, the quiet rule, reminders).
     */
    @Transactional(readOnly = true)
    public WorkingCalendar calendar(String teamId, String userId) {
        return routine(teamId, userId).calendar();
    }

    /**
     * Away periods that ended before this are not read: every rule looks back at most a month (the
     * quiet rule counts the working days since a member's last update, within 30 days).
     */
    static final int AWAY_HORIZON_DAYS = 40;

    private LocalDate awayHorizon() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).minusDays(AWAY_HORIZON_DAYS);
    }

    /** A person's profile; {@code person} null for someone Daybook does not know: the default zone, Monday–Friday. */
    private PersonProfile profileOf(String teamId, String userId, PersonEntity person) {
        PersonProfile profile = person == null
                ? new PersonProfile(teamId, userId, null, WorkingCalendar.weekdaysIn(settings.defaultTimeZone()), false)
                : person.toProfile(settings.defaultTimeZone());
        return withHolidays(profile);
    }

    /** The workspace's public holidays are nobody's working days there. */
    private PersonProfile withHolidays(PersonProfile profile) {
        java.util.Set<LocalDate> holidays = daysOff.workspaceHolidays(profile.teamId());
        return holidays.isEmpty() ? profile : new PersonProfile(profile.teamId(), profile.userId(),
                profile.displayName(), profile.calendar().withHolidays(holidays), profile.timeZoneKnown());
    }

    /** A person's settings; {@code person} null for someone Daybook does not know: the defaults. */
    private PersonalSettings settingsOf(PersonEntity person) {
        return person == null ? PersonalSettings.defaults(settings.defaultReminderTime())
                : person.toSettings(settings.defaultReminderTime());
    }

    private void upsert(String teamId, String userId, String displayName, String timeZone) {
        ownTransaction.executeWithoutResult(status -> {
            PersonEntity person = people.findByTeamIdAndUserId(teamId, userId)
                    .orElseGet(() -> people.saveAndFlush(new PersonEntity(teamId, userId, clock.instant())));
            person.refresh(displayName, timeZone, clock.instant());
        });
    }

    /** Everyone Daybook knows in the workspace (people who posted or were looked up), to match names against. */
    @Transactional(readOnly = true)
    public List<PersonProfile> everyone(String teamId) {
        return people.findByTeamId(teamId).stream().map(p -> withHolidays(p.toProfile(settings.defaultTimeZone()))).toList();
    }

    /** The rows Daybook has of these people, by user ID; someone it has not seen yet has none. */
    private Map<String, PersonEntity> known(String teamId, Collection<String> userIds) {
        Map<String, PersonEntity> known = new HashMap<>();
        people.findByTeamIdAndUserIdIn(teamId, userIds).forEach(p -> known.put(p.userId(), p));
        return known;
    }

    /** The zone used for people and projects whose own zone is not known. */
    public java.time.ZoneId defaultZone() {
        return settings.defaultTimeZone();
    }

    /** Several people's routines in one workspace, in two queries (for answers that name a whole team). */
    @Transactional(readOnly = true)
    public Map<String, PersonRoutine> routines(String teamId, Collection<String> userIds) {
        if (userIds.isEmpty()) {
            return Map.of();
        }
        Map<String, PersonEntity> known = known(teamId, userIds);
        Map<String, List<AwayPeriod>> away = new HashMap<>();
        aways.findByTeamIdAndUserIdInAndLastDayGreaterThanEqual(teamId, userIds,
                        awayHorizon())
                .forEach(a -> away.computeIfAbsent(a.userId(), k -> new ArrayList<>()).add(a.toPeriod()));
        daysOff.feedAway(teamId, userIds).forEach((user, periods) ->
                away.computeIfAbsent(user, k -> new ArrayList<>()).addAll(periods));
        Map<String, PersonRoutine> routines = new HashMap<>();
        for (String userId : userIds) {
            PersonEntity person = known.get(userId);
            routines.put(userId, new PersonRoutine(profileOf(teamId, userId, person), settingsOf(person),
                    away.getOrDefault(userId, List.of())));
        }
        return routines;
    }
}
