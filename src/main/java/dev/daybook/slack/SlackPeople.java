package dev.daybook.slack;

import java.time.Duration;

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

    private final PersonDirectory people;
    private final SlackCalls slack;

    SlackPeople(PersonDirectory people, SlackCalls slack) {
        this.people = people;
        this.slack = slack;
    }

    /** Makes sure we know the person's time zone before filing their update; never fails the caller. */
    void refreshIfStale(String teamId, String userId) {
        if (!people.isStale(teamId, userId, FRESH_FOR)) {
            return;
        }
        try {
            UsersInfoResponse info = slack.call(teamId, "users.info", SlackCalls.Patience.NONE,
                    c -> c.usersInfo(r -> r.user(userId)));
            remember(teamId, info.getUser());
        } catch (RuntimeException e) {
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
