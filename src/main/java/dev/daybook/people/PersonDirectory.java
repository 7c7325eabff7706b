package dev.daybook.people;

import java.time.Clock;
import java.time.Duration;
import java.util.Optional;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Members of workspaces as far as Daybook knows them: name, time zone, working days. */
@Service
public class PersonDirectory {

    private final People people;
    private final PeopleSettings settings;
    private final Clock clock;
    private final TransactionTemplate ownTransaction;

    PersonDirectory(People people, PeopleSettings settings, Clock clock, PlatformTransactionManager transactions) {
        this.people = people;
        this.settings = settings;
        this.clock = clock;
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    /** The person's profile; an unknown person gets the default zone and Monday–Friday. */
    @Transactional(readOnly = true)
    public PersonProfile profile(String teamId, String userId) {
        return people.findByTeamIdAndUserId(teamId, userId)
                .map(p -> p.toProfile(settings.defaultTimeZone()))
                .orElseGet(() -> new PersonProfile(teamId, userId, null,
                        WorkingCalendar.weekdaysIn(settings.defaultTimeZone()), false));
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

    private void upsert(String teamId, String userId, String displayName, String timeZone) {
        ownTransaction.executeWithoutResult(status -> {
            PersonEntity person = people.findByTeamIdAndUserId(teamId, userId)
                    .orElseGet(() -> people.saveAndFlush(new PersonEntity(teamId, userId, clock.instant())));
            person.refresh(displayName, timeZone, clock.instant());
        });
    }
}
