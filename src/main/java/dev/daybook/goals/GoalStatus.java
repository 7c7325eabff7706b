package dev.daybook.goals;

import java.util.Locale;
import java.util.Optional;

/** Where the team says a goal stands. */
public enum GoalStatus {
    ACTIVE, AT_RISK, ACHIEVED, DROPPED;

    public String label() {
        return name().toLowerCase(Locale.ROOT).replace('_', ' ');
    }

    public static Optional<GoalStatus> parse(String written) {
        if (written == null || written.isBlank()) {
            return Optional.of(ACTIVE);
        }
        String key = written.strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
        for (GoalStatus status : values()) {
            if (status.name().equals(key)) {
                return Optional.of(status);
            }
        }
        return Optional.empty();
    }
}
