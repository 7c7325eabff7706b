package dev.daybook.updates;

import java.util.Locale;

/** The three parts of an end-of-day update. */
public enum Section {
    UPDATE, NEXT, BLOCKER;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
