package dev.daybook.slack.workspace;

import java.time.Clock;
import java.time.Duration;

import com.slack.api.bolt.service.OAuthStateService;

/**
 * OAuth state values in the database, so that the instance which sends someone to Slack and the
 * one Slack sends them back to need not be the same. Each state is good for ten minutes, once: checking
 * a state consumes it, in one statement ({@code delete ... where state = ? and expires_at > now}, whose
 * count says whether it was there), so that callbacks racing with the same state cannot both pass a
 * check made before either of them deleted it.
 */
public class OAuthStateStore implements OAuthStateService {

    /**
     * Daybook's states are UUIDs: anything longer, or with other characters (a NUL, which PostgreSQL
     * refuses as a parameter, quotes, controls), was not issued here and is not looked up.
     */
    private static final java.util.regex.Pattern ISSUABLE = java.util.regex.Pattern.compile("[A-Za-z0-9._~-]{1,100}");

    private final SlackOAuthStates states;
    private final Clock clock;

    OAuthStateStore(SlackOAuthStates states, Clock clock) {
        this.states = states;
        this.clock = clock;
    }

    @Override
    public void addNewStateToDatastore(String state) {
        states.deleteExpired(clock.instant());
        states.save(new SlackOAuthStateEntity(state, clock.instant().plus(Duration.ofSeconds(getExpirationInSeconds()))));
    }

    @Override
    public boolean isAvailableInDatabase(String state) {
        return issuable(state) && states.consume(state, clock.instant()) == 1;
    }

    /** Consumed when it was checked; deleting it again (Bolt does, after the install) changes nothing. */
    @Override
    public void deleteStateFromDatastore(String state) {
        if (issuable(state)) {
            states.deleteById(state);
        }
    }

    private static boolean issuable(String state) {
        return state != null && ISSUABLE.matcher(state).matches();
    }
}
