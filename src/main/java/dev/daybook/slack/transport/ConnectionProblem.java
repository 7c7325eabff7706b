package dev.daybook.slack.transport;

import java.io.IOException;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.slack.api.methods.SlackApiException;

/**
 * Why a Socket Mode connection could not be opened, told apart so the log points at the right fix:
 * the network (DNS, proxy, firewall) or a token Slack refused. Bolt reports a failed
 * {@code auth.test} as "The token is invalid (error: …)" whatever the cause, even when slack.com
 * could not be resolved; the text in the brackets is what tells them apart.
 */
record ConnectionProblem(Kind kind, String detail) {

    enum Kind { NETWORK, BAD_TOKEN, OTHER }

    /** Slack's error codes that mean "this token is no good", not "try again later". */
    private static final Set<String> TOKEN_ERRORS = Set.of("invalid_auth", "not_authed", "account_inactive",
            "token_revoked", "token_expired", "not_allowed_token_type", "missing_scope", "no_permission",
            "invalid_token");

    private static final Pattern BOLT_TOKEN_MESSAGE = Pattern.compile("The token is invalid \\((auth\\.test )?error: (.*)\\)",
            Pattern.DOTALL);

    static ConnectionProblem of(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SlackApiException api && api.getError() != null && api.getError().getError() != null) {
                String error = api.getError().getError();
                return TOKEN_ERRORS.contains(error) ? new ConnectionProblem(Kind.BAD_TOKEN, error)
                        : new ConnectionProblem(Kind.OTHER, error);
            }
            if (t instanceof IOException) {
                return new ConnectionProblem(Kind.NETWORK, String.valueOf(t.getMessage()));
            }
            String message = t.getMessage() == null ? "" : t.getMessage();
            Matcher bolt = BOLT_TOKEN_MESSAGE.matcher(message);
            if (bolt.find()) {
                String inside = bolt.group(2).strip();
                // An error code is one lower-case word; anything else is an exception's text: the network.
                if (inside.matches("[a-z_]+")) {
                    return TOKEN_ERRORS.contains(inside) ? new ConnectionProblem(Kind.BAD_TOKEN, inside)
                            : new ConnectionProblem(Kind.OTHER, inside);
                }
                return new ConnectionProblem(Kind.NETWORK, inside);
            }
            String lower = message.toLowerCase(Locale.ROOT);
            for (String code : TOKEN_ERRORS) {
                if (lower.matches(".*\\b" + code + "\\b.*")) {
                    return new ConnectionProblem(Kind.BAD_TOKEN, code);
                }
            }
        }
        return new ConnectionProblem(Kind.OTHER, failure.toString());
    }

    /** One sentence for the log: what went wrong and what to check. */
    String advice() {
        return switch (kind) {
            case NETWORK -> "cannot reach Slack (" + detail + "). This is the network, not the tokens: check that "
                    + "this machine resolves and reaches slack.com and wss-primary.slack.com over HTTPS (DNS, proxy, firewall)";
            case BAD_TOKEN -> "Slack refused a token (" + detail + "). Check SLACK_BOT_TOKEN (xoxb-…, OAuth & Permissions) "
                    + "and SLACK_APP_TOKEN (xapp-…, Basic Information → App-Level Tokens, scope connections:write)";
            case OTHER -> "Slack answered " + detail;
        };
    }
}
