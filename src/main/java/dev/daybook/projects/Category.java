package dev.daybook.projects;

import java.util.Locale;

/** Where time goes in the 70/20/10 budget. */
public enum Category {
    /** The core product the client pays for (70). */
    CORE,
    /** Building on and around the core, learning included (20). */
    ADJACENT,
    /** Moonshots (10). */
    MOONSHOT;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
