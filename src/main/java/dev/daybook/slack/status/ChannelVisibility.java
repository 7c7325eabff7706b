package dev.daybook.slack.status;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import com.slack.api.methods.response.conversations.ConversationsInfoResponse;
import com.slack.api.methods.response.conversations.ConversationsMembersResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import dev.daybook.projects.Project;
import dev.daybook.slack.client.SlackCalls;

/**
 * Who may see a project's status: anyone in the workspace for a public channel, only its members for a
 * private one. Slack's answers are cached briefly, so a busy day of questions costs few calls, and a
 * person removed from a private channel loses sight of it within minutes.
 */
@Component
class ChannelVisibility {

    private static final Logger log = LoggerFactory.getLogger(ChannelVisibility.class);
    private static final Duration PRIVACY_FOR = Duration.ofMinutes(10);
    private static final Duration MEMBERS_FOR = Duration.ofMinutes(2);
    private static final int MAX_CACHED = 5_000;

    /** What may be shown to a person. */
    enum Sight {
        VISIBLE,
        /** A private channel the person is not in. */
        HIDDEN,
        /** Slack could not say; nothing private is shown meanwhile. */
        UNKNOWN
    }

    private record Cached<T>(T value, Instant until) {
    }

    private final SlackCalls slack;
    private final Clock clock;
    private final Map<String, Cached<Boolean>> privacy = new ConcurrentHashMap<>();
    private final Map<String, Cached<Set<String>>> members = new ConcurrentHashMap<>();

    ChannelVisibility(SlackCalls slack, Clock clock) {
        this.slack = slack;
        this.clock = clock;
    }

    Sight of(Project project, String userId) {
        try {
            if (!isPrivate(project)) {
                return Sight.VISIBLE;
            }
            return membersOf(project).contains(userId) ? Sight.VISIBLE : Sight.HIDDEN;
        } catch (RuntimeException e) {
            log.info("Slack: could not check who may see a channel ({}).", e.getMessage());
            return Sight.UNKNOWN;
        }
    }

    /** Whether the person is in the project's channel, public or private: who may act on its blockers. */
    Sight membership(Project project, String userId) {
        try {
            return membersOf(project).contains(userId) ? Sight.VISIBLE : Sight.HIDDEN;
        } catch (RuntimeException e) {
            log.info("Slack: could not check who is in a channel ({}).", e.getMessage());
            return Sight.UNKNOWN;
        }
    }

    boolean isPrivate(Project project) {
        String key = project.teamId() + "/" + project.channelId();
        Cached<Boolean> cached = privacy.get(key);
        if (cached != null && cached.until().isAfter(clock.instant())) {
            return cached.value();
        }
        ConversationsInfoResponse info = slack.call(project.teamId(), "conversations.info", SlackCalls.Patience.NONE,
                c -> c.conversationsInfo(r -> r.channel(project.channelId())));
        boolean isPrivate = info.getChannel() != null && info.getChannel().isPrivate();
        remember(privacy, key, new Cached<>(isPrivate, clock.instant().plus(PRIVACY_FOR)));
        return isPrivate;
    }

    private Set<String> membersOf(Project project) {
        String key = project.teamId() + "/" + project.channelId();
        Cached<Set<String>> cached = members.get(key);
        if (cached != null && cached.until().isAfter(clock.instant())) {
            return cached.value();
        }
        Set<String> found = new HashSet<>();
        String cursor = null;
        do {
            String page = cursor;
            ConversationsMembersResponse answer = slack.call(project.teamId(), "conversations.members",
                    SlackCalls.Patience.NONE, c -> c.conversationsMembers(r -> {
                        r.channel(project.channelId()).limit(1000);
                        return page == null ? r : r.cursor(page);
                    }));
            if (answer.getMembers() != null) {
                found.addAll(answer.getMembers());
            }
            cursor = answer.getResponseMetadata() == null ? null : answer.getResponseMetadata().getNextCursor();
        } while (cursor != null && !cursor.isBlank());
        Set<String> frozen = Set.copyOf(found);
        remember(members, key, new Cached<>(frozen, clock.instant().plus(MEMBERS_FOR)));
        return frozen;
    }

    private static <T> void remember(Map<String, Cached<T>> cache, String key, Cached<T> value) {
        if (cache.size() > MAX_CACHED) {
            cache.clear();
        }
        cache.put(key, value);
    }
}
