package dev.daybook.slack.delivery;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import com.slack.api.methods.response.conversations.ConversationsOpenResponse;
import org.springframework.stereotype.Component;

import dev.daybook.slack.client.SlackCalls;
import dev.daybook.slack.client.SlackUnavailable;

/**
 * The bot's direct-message channel with a person ({@code conversations.open}), remembered: the
 * channel of a DM does not change. Posting needs no channel (a message addressed to a user ID goes to
 * the DM); looking for an earlier post does, so {@link OncePoster} asks here when a retry must look.
 */
@Component
class DirectMessages {

    private final SlackCalls slack;
    private final Map<String, String> channels = new ConcurrentHashMap<>();

    DirectMessages(SlackCalls slack) {
        this.slack = slack;
    }

    /** Whether a message address is a person (user IDs start with U, or W on Enterprise Grid), not a conversation. */
    static boolean isPerson(String address) {
        return address != null && (address.startsWith("U") || address.startsWith("W"));
    }

    String channelWith(String teamId, String userId) {
        String known = channels.get(teamId + "/" + userId);
        if (known != null) {
            return known;
        }
        ConversationsOpenResponse opened = slack.call(teamId, "conversations.open", SlackCalls.Patience.WAIT,
                c -> c.conversationsOpen(r -> r.users(List.of(userId))));
        if (opened.getChannel() == null || opened.getChannel().getId() == null) {
            throw new SlackUnavailable("conversations.open answered without a channel", null);
        }
        channels.put(teamId + "/" + userId, opened.getChannel().getId());
        return opened.getChannel().getId();
    }
}
