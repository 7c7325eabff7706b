package dev.daybook.slack;

import java.time.Clock;
import java.time.Duration;

import com.slack.api.bolt.service.OAuthStateService;

/**
 * OAuth state values in the database, so that the instance which sends someone to Slack and the
 * one Slack sends them back to need not be the same. Each state is good for ten minutes, once.
 */
class OAuthStates implements OAuthStateService {

    private final SlackOAuthStates states;
    private final Clock clock;

    OAuthStates(SlackOAuthStates states, Clock clock) {
        this.states = states;
        this.clock = clock;
    }

    @Override
    public void addNewStateToDatastore(String state) {
        states.deleteExpired(clock.instant());
        states.save(new SlackOAuthState(state, clock.instant().plus(Duration.ofSeconds(getExpirationInSeconds()))));
    }

    @Override
    public boolean isAvailableInDatabase(String state) {
        return states.findById(state).map(s -> s.isValidAt(clock.instant())).orElse(false);
    }

    @Override
    public void deleteStateFromDatastore(String state) {
        states.deleteById(state);
    }
}
