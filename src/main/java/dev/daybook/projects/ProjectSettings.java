package dev.daybook.projects;

import java.time.ZoneId;

/** What a lead can change about a project in {@code /daybook settings}. */
public record ProjectSettings(String client, Category defaultCategory, ShareMode shareMode, ZoneId timeZone) {
}
