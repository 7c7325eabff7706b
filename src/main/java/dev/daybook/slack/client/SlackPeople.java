package dev.daybook.slack.client;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import com.slack.api.methods.response.users.UsersInfoResponse;
import com.slack.api.model.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.daybook.people.PersonDirectory;

/**
 * Keeps {@link PersonDirectory} in step with Slack: a person's name and time zone are fetched with
 * {@code users.info} when unknown or older than a few hours, and on {@code user_change} events, so the
 * zone follows people when they travel. Only a person whose zone Daybook does not know yet is waited
 * for (their update's day depends on it; when Slack is slow the answer goes out later, see
 * {@link dev.daybook.slack.transport.AnswerInTime}); a stale profile is refreshed in the background while the request goes on
 * with what is known.
 */
@Component
public class SlackPeople implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SlackPeople.class);
    private static final Duration FRESH_FOR = Duration.ofHours(6);
    private static final Duration RETRY_FAILED_AFTER = Duration.ofMinutes(10);
    /** How long a form waits for a new person's profile before it opens without it. */
    public static final Duration FORM_WAIT = Duration.ofSeconds(1);

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
    /** Lookups running in the background, so that a burst of posts by one person asks Slack once. */
    private final Map<String, CompletableFuture<Void>> refreshing = new ConcurrentHashMap<>();
    private final ExecutorService background = new ThreadPoolExecutor(2, 2, 30, TimeUnit.SECONDS,
            new LinkedBlockingQueue<>(1_000), runnable -> {
                Thread thread = new Thread(runnable, "slack-people");
                thread.setDaemon(true);
                return thread;
            }, new ThreadPoolExecutor.DiscardPolicy());

    SlackPeople(PersonDirectory people, SlackCalls slack, Clock clock) {
        this.people = people;
        this.slack = slack;
        this.clock = clock;
    }

    /**
     * Makes sure we know the person's time zone before filing their update; never fails the caller. A
     * person never seen is looked up now ({@code users.info}, once, with the full timeout); one whose
     * profile is only old is refreshed in the background, and the caller goes on with what is known.
     */
    public void refreshIfStale(String teamId, String userId) {
        if (!due(teamId, userId)) {
            return;
        }
        if (people.profile(teamId, userId).timeZoneKnown()) {
            refreshInBackground(teamId, userId);
        } else {
            lookUp(teamId, userId);
        }
    }

    /** Refreshes the person's profile if it is missing or old, without making the caller wait. */
    void refreshInBackground(String teamId, String userId) {
        refreshing(teamId, userId);
    }

    /**
     * For a form, which must open within the trigger's three seconds: a person never seen is waited
     * for at most {@code wait} (Slack usually answers in a fraction of that, and the form then shows
     * their zone); an old profile is refreshed in the background.
     */
    public void refreshBriefly(String teamId, String userId, Duration wait) {
        CompletableFuture<Void> lookup = refreshing(teamId, userId);
        if (lookup == null || people.profile(teamId, userId).timeZoneKnown()) {
            return;
        }
        try {
            lookup.get(wait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            // go on with what is known; the lookup finishes on its own
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The lookup running for this person (started now if due and not running); null when none is due. */
    private CompletableFuture<Void> refreshing(String teamId, String userId) {
        if (!due(teamId, userId)) {
            return null;
        }
        String key = teamId + "/" + userId;
        CompletableFuture<Void> started = new CompletableFuture<>();
        CompletableFuture<Void> running = refreshing.putIfAbsent(key, started);
        if (running != null) {
            return running;
        }
        try {
            background.execute(() -> {
                try {
                    lookUp(teamId, userId);
                } finally {
                    refreshing.remove(key);
                    started.complete(null);
                }
            });
        } catch (RuntimeException rejected) {
            refreshing.remove(key);
            started.complete(null);
        }
        return started;
    }

    private boolean due(String teamId, String userId) {
        Instant retry = failedUntil.get(teamId + "/" + userId);
        return (retry == null || !retry.isAfter(clock.instant())) && people.isStale(teamId, userId, FRESH_FOR);
    }

    private void lookUp(String teamId, String userId) {
        String key = teamId + "/" + userId;
        try {
            UsersInfoResponse info = slack.call(teamId, "users.info", SlackCalls.Patience.ONCE,
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

    @Override
    public void close() {
        background.shutdownNow();
    }

    /**
     * Whether Slack says the person is an admin or owner of the workspace ({@code users.info}'s
     * {@code is_admin}, {@code is_owner}, {@code is_primary_owner}); false when Slack cannot say, so
     * that a lookup that fails never grants anything. Kept for five minutes.
     */
    public boolean isAdminOrOwner(String teamId, String userId) {
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
    public java.util.Optional<Boolean> isPerson(String teamId, String userId) {
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

    /**
     * The workspace's person with this e-mail ({@code users.lookupByEmail}, scope {@code users:read.email}),
     * remembered like any profile; empty when Slack has nobody with it ({@code users_not_found}) or only a
     * bot or deactivated account. Slack being unavailable is not an answer: {@link SlackUnavailable} is thrown.
     */
    public java.util.Optional<String> byEmail(String teamId, String email) {
        return byEmail(teamId, email, SlackCalls.Patience.WAIT);
    }

    /** As {@link #byEmail(String, String)}, with the patience of the caller (a form answers within 3 seconds). */
    public java.util.Optional<String> byEmail(String teamId, String email, SlackCalls.Patience patience) {
        try {
            User user = slack.call(teamId, "users.lookupByEmail", patience,
                    c -> c.usersLookupByEmail(r -> r.email(email))).getUser();
            if (user == null || user.isBot() || user.isDeleted()) {
                return java.util.Optional.empty();
            }
            remember(teamId, user);
            return java.util.Optional.of(user.getId());
        } catch (SlackRefused e) {
            if ("users_not_found".equals(e.error())) {
                return java.util.Optional.empty();
            }
            throw e;
        }
    }

    private static boolean isAdminOrOwner(User user) {
        return !user.isDeleted() && !user.isBot() && (user.isAdmin() || user.isOwner() || user.isPrimaryOwner());
    }

    public void remember(String teamId, User user) {
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
