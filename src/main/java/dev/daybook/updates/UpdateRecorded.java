package dev.daybook.updates;

import dev.daybook.updates.parsing.ParseProblem;

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

    /** The update as it stands now, in its project's channel; not from a post to answer. */
    public static UpdateRecorded of(UpdateView update, String channelId) {
        return new UpdateRecorded(update.teamId(), update.id(), update.revision(), update.projectId(), channelId,
                update.userId(), update.day(), update.source(), null, null, update.filedLate(), List.of());
    }

    /** The same, from a channel post (in a thread, when {@code threadTs} is set), with what it could not read. */
    public UpdateRecorded fromPost(String messageTs, String threadTs, List<ParseProblem> problems) {
        return new UpdateRecorded(teamId, updateId, revision, projectId, channelId, userId, day, source, messageTs,
                threadTs, filedLate, List.copyOf(problems));
    }
}
