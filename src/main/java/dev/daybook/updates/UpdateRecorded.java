package dev.daybook.updates;


import java.time.LocalDate;
import java.util.List;

/**
 * An update was created or revised. Published inside the recording transaction, so listeners run
 * after it commits and are retried from the event publication registry until they succeed.
 *
 * @param messageTs the channel post this revision came from, to acknowledge; null for commands and restores
 * @param threadTs  the thread that post was a reply in, where answers to it go; null for top-level posts
 * @param mentions  what the revision names that only some listeners act on, so that the others are not
 *                  even stored in the outbox for it (their {@code condition}); null: anything (an event
 *                  stored before this field existed)
 */
public record UpdateRecorded(String teamId, long updateId, int revision, long projectId, String channelId,
                             String userId, LocalDate day, UpdateSource source, String messageTs, String threadTs,
                             boolean filedLate, List<ParseProblem> problems, Mentions mentions) {

    /**
     * @param runs  whether this revision names runs, or the revision it replaces did (whose runs it then
     *              withdraws)
     * @param goals whether this revision names client goals
     */
    public record Mentions(boolean runs, boolean goals) {

        /** For a change whose earlier state was not looked at: every listener acts. */
        public static final Mentions ANY = new Mentions(true, true);

        /** What these items name, plus the runs named before. */
        public static Mentions of(List<UpdateItem> items, boolean runsBefore) {
            boolean runs = runsBefore;
            boolean goals = false;
            for (UpdateItem item : items) {
                runs |= !item.references().runs().isEmpty();
                goals |= !item.references().goals().isEmpty();
            }
            return new Mentions(runs, goals);
        }

        /** Whether any of these items names a run. */
        public static boolean namesRuns(List<UpdateItem> items) {
            return items.stream().anyMatch(item -> !item.references().runs().isEmpty());
        }
    }

    /** Whether listeners that act on runs have anything to do (a condition of theirs reads it). */
    public boolean mayNameRuns() {
        return mentions == null || mentions.runs();
    }

    /** Whether listeners that act on goals have anything to do. */
    public boolean mayNameGoals() {
        return mentions == null || mentions.goals();
    }

    /** The update as it stands now, in its project's channel; not from a post to answer. */
    public static UpdateRecorded of(UpdateView update, String channelId) {
        return new UpdateRecorded(update.teamId(), update.id(), update.revision(), update.projectId(), channelId,
                update.userId(), update.day(), update.source(), null, null, update.filedLate(), List.of(), Mentions.ANY);
    }

    /** The same, from a channel post (in a thread, when {@code threadTs} is set), with what it could not read. */
    public UpdateRecorded fromPost(String messageTs, String threadTs, List<ParseProblem> problems) {
        return new UpdateRecorded(teamId, updateId, revision, projectId, channelId, userId, day, source, messageTs,
                threadTs, filedLate, List.copyOf(problems), mentions);
    }

    /** The same, with what it names known. */
    public UpdateRecorded mentioning(Mentions known) {
        return new UpdateRecorded(teamId, updateId, revision, projectId, channelId, userId, day, source, messageTs,
                threadTs, filedLate, problems, known);
    }
}
