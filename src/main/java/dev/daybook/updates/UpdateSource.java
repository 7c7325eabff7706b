package dev.daybook.updates;

import dev.daybook.updates.parsing.UpdateParser;

import java.util.Locale;

/** How an update (or one revision of it) reached Daybook. */
public enum UpdateSource {
    SLASH_COMMAND, MODAL, MESSAGE;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    UpdateParser.Form form() {
        return this == MESSAGE ? UpdateParser.Form.MESSAGE : UpdateParser.Form.COMMAND;
    }
}
