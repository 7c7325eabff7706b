package dev.daybook.runs;

import java.time.Instant;

/**
 * Whether Daybook reads runs from W&amp;B, for settings.
 *
 * @param configured   a W&amp;B API key is configured
 * @param keyRefusedAt when W&amp;B last refused the key (401/403), on this instance, or null when it has
 *                     not since the key last worked
 */
public record WandbStatus(boolean configured, Instant keyRefusedAt) {
}
