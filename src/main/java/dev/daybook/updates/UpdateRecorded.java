package dev.daybook.updates;

import java.time.LocalDate;
import java.util.List;

/**
 * An update was created or revised. Published inside the recording transaction, so listeners run
 * after it commits and are retried from the event publication registry until they succeed.
 *
 * @param messageTs the channel post this revision came from, to acknowledge; null for commands and restores
 * @param threadTs  the thread that post was a reply in, where answers to it go; null for top-level posts
 */
public record UpdateRecorded(String teamId, long updateId, int revision, long projectId, String channelId,
                             String userId, LocalDate day, UpdateSource source, String messageTs, String threadTs,
                             boolean filedLate, List<ParseProblem> problems) {
}
