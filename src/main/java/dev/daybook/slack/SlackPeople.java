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
    /** How long Slack's word that someone is (or is not) a workspace admin or owner is taken. */
    private static final Duration ROLE_FRESH_FOR = Duration.ofMinutes(5);
    private final Map<String, Role> roles = new ConcurrentHashMap<>();

    private record Role(boolean adminOrOwner, Instant until) {
    }

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

    /**
     * Whether Slack says the person is an admin or owner of the workspace ({@code users.info}'s
     * {@code is_admin}, {@code is_owner}, {@code is_primary_owner}); false when Slack cannot say, so
     * that a lookup that fails never grants anything. Kept for five minutes.
     */
    boolean isAdminOrOwner(String teamId, String userId) {
        if (userId == null) {
            return false;
        }
        String key = teamId + "/" + userId;
        Role known = roles.get(key);
        if (known != null && known.until().isAfter(clock.instant())) {
            return known.adminOrOwner();
        }
        try {
            User user = slack.call(teamId, "users.info", SlackCalls.Patience.NONE, c -> c.usersInfo(r -> r.user(userId))).getUser();
            remember(teamId, user);
            return user != null && isAdminOrOwner(user);
        } catch (RuntimeException e) {
            log.info("Slack: could not tell whether a user is a workspace admin ({}); taking them for a member.", e.getMessage());
            return false;
        }
    }

    /**
     * Whether Slack knows this id as a person of the workspace (not a bot, not deactivated); empty when
     * Slack cannot say just now.
     */
    java.util.Optional<Boolean> isPerson(String teamId, String userId) {
        try {
            User user = slack.call(teamId, "users.info", SlackCalls.Patience.NONE, c -> c.usersInfo(r -> r.user(userId))).getUser();
            remember(teamId, user);
            return java.util.Optional.of(user != null && !user.isBot() && !user.isDeleted());
        } catch (SlackRefused e) {
            return java.util.Optional.of(false);
        } catch (RuntimeException e) {
            log.info("Slack: could not look up a user ({}).", e.getMessage());
            return java.util.Optional.empty();
        }
    }

    private static boolean isAdminOrOwner(User user) {
        return !user.isDeleted() && !user.isBot() && (user.isAdmin() || user.isOwner() || user.isPrimaryOwner());
    }

    void remember(String teamId, User user) {
        if (user == null || user.getId() == null) {
            return;
        }
        if (roles.size() > 10_000) {
            roles.clear();
        }
        roles.put(teamId + "/" + user.getId(), new Role(isAdminOrOwner(user), clock.instant().plus(ROLE_FRESH_FOR)));
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
