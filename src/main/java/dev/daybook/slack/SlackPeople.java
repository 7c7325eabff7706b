package dev.daybook.slack;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.slack.api.methods.response.users.UsersInfoResponse;
import com.slack.api.model.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.daybook.people.PersonDirectory;

/**
 * Keeps {@link PersonDirectory} in step with Slack: a person's name and time zone are fetched with
 * {@code users.info} when unknown or older than a few hours, and on {@code user_change} events, so the
 * zone follows people when they travel.
 */
@Component
class SlackPeople {

    private static final Logger log = LoggerFactory.getLogger(SlackPeople.class);
    private static final Duration FRESH_FOR = Duration.ofHours(6);
    private static final Duration RETRY_FAILED_AFTER = Duration.ofMinutes(10);

    private final PersonDirectory people;
    private final SlackCalls slack;
    private final Clock clock;
    /** Lookups that failed lately, so that a person Slack will not describe costs one call per ten minutes, not one per post. */
    private final Map<String, Instant> failedUntil = new ConcurrentHashMap<>();

    SlackPeople(PersonDirectory people, SlackCalls slack, Clock clock) {
        this.people = people;
        this.slack = slack;
        this.clock = clock;
    }

    /** Makes sure we know the person's time zone before filing their update; never fails the caller. */
    void refreshIfStale(String teamId, String userId) {
        String key = teamId + "/" + userId;
        Instant retry = failedUntil.get(key);
        if (retry != null && retry.isAfter(clock.instant()) || !people.isStale(teamId, userId, FRESH_FOR)) {
            return;
        }
        try {
            UsersInfoResponse info = slack.call(teamId, "users.info", SlackCalls.Patience.NONE,
                    c -> c.usersInfo(r -> r.user(userId)));
            remember(teamId, info.getUser());
            failedUntil.remove(key);
        } catch (RuntimeException e) {
            if (failedUntil.size() > 10_000) {
                failedUntil.clear();
            }
            failedUntil.put(key, clock.instant().plus(RETRY_FAILED_AFTER));
            log.info("Slack: could not look up a user's time zone ({}); using what we have.", e.getMessage());
        }
    }

    void remember(String teamId, User user) {
        if (user == null || user.getId() == null) {
            return;
        }
        people.remember(teamId, user.getId(), displayName(user), user.getTz());
    }

    private static String displayName(User user) {
        if (user.getProfile() != null) {
            if (hasText(user.getProfile().getDisplayName())) {
                return user.getProfile().getDisplayName();
            }
            if (hasText(user.getProfile().getRealName())) {
                return user.getProfile().getRealName();
            }
        }
        return hasText(user.getRealName()) ? user.getRealName() : user.getName();
    }

    private static boolean hasText(String s) {
        return s != null && !s.isBlank();
    }
}
