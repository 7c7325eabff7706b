package dev.daybook.updates;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.daybook.people.PersonDirectory;

/**
 * Blockers reported in updates, open until their author resolves them (see {@link BlockerTracking} for
 * the rule). Every query is one indexed read of the open blockers, never of the history.
 */
@Service
@Transactional(readOnly = true)
public class Blockers {

    private final BlockerEntries blockers;
    private final PersonDirectory people;
    private final Clock clock;

    Blockers(BlockerEntries blockers, PersonDirectory people, Clock clock) {
        this.blockers = blockers;
        this.people = people;
        this.clock = clock;
    }

    /** A project's blockers open on {@code asOf}, oldest first, with their age on that day. */
    public List<OpenBlocker> openBlockers(String teamId, long projectId, LocalDate asOf) {
        return blockers.findOpenInProject(teamId, projectId, asOf).stream().map(b -> b.toOpen(asOf)).toList();
    }

    /** The person's own blockers open on {@code asOf}, in every project, oldest first. */
    public List<OpenBlocker> openBlockersOf(String teamId, String userId, LocalDate asOf) {
        return blockers.findOpenOfAuthor(teamId, userId, asOf).stream().map(b -> b.toOpen(asOf)).toList();
    }

    /** The blockers open now in several projects, aged to {@code asOf}. */
    public List<OpenBlocker> openBlockers(String teamId, Collection<Long> projectIds, LocalDate asOf) {
        if (projectIds.isEmpty()) {
            return List.of();
        }
        return blockers.findOpenInProjects(teamId, projectIds).stream().map(b -> b.toOpen(asOf)).toList();
    }

    public Optional<OpenBlocker> byId(String teamId, long blockerId) {
        return blockers.findByIdAndTeamId(blockerId, teamId)
                .map(b -> b.toOpen(people.profile(teamId, b.userId()).calendar().dayAt(clock.instant())));
    }

    /**
     * Marks a blocker resolved at its author's request, as of their today; it opens again if an update of
     * a later day lists it.
     */
    @Transactional
    public BlockerResolution resolve(String teamId, long blockerId, String userId) {
        Optional<BlockerEntity> found = blockers.findByIdAndTeamId(blockerId, teamId);
        if (found.isEmpty()) {
            return BlockerResolution.NOT_FOUND;
        }
        BlockerEntity blocker = found.get();
        if (!blocker.userId().equals(userId)) {
            return BlockerResolution.NOT_YOURS;
        }
        if (!blocker.isOpen()) {
            return BlockerResolution.ALREADY_RESOLVED;
        }
        LocalDate today = people.profile(teamId, userId).calendar().dayAt(clock.instant());
        // Today's update may list it and still be revised today: resolved as of its last report at least.
        LocalDate day = today.isBefore(blocker.lastDay()) ? blocker.lastDay() : today;
        blocker.resolve(day, BlockerResolution.How.MARKED, null, clock.instant());
        return BlockerResolution.RESOLVED;
    }
}
