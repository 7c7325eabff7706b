package dev.daybook.canvas;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param enabled      whether Daybook keeps status canvases at all (each project may still switch its own off)
 * @param minInterval  at most one edit per project this often: canvases.edit is Tier 3, and a canvas that
 *                     changes under the reader's eyes every few seconds helps nobody
 * @param lease        how long an instance holds an edit it took; after that (a crash) another may take it
 * @param sweepEvery   how often each instance looks for canvases that are due (changes within the interval)
 */
@ConfigurationProperties("daybook.canvas")
public record CanvasSettings(@DefaultValue("true") boolean enabled,
                             @DefaultValue("60s") Duration minInterval,
                             @DefaultValue("2m") Duration lease,
                             @DefaultValue("5s") Duration sweepEvery) {
}
