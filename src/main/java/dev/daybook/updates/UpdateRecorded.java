package dev.daybook.updates;

import java.time.LocalDate;
import java.util.List;

/**
 * An update was created or revised. Published inside the recording transaction, so listeners run
 * after it commits and are retried from the event publication registry until they succeed.
 */
public record UpdateRecorded(String teamId, long updateId, int revision, long projectId, String channelId,
                             String userId, LocalDate day, UpdateSource source, String messageTs,
                             boolean filedLate, List<ParseProblem> problems) {
}
