package dev.daybook.updates;

import dev.daybook.updates.blockers.BlockerEntity;
import dev.daybook.updates.blockers.BlockerEntries;
import dev.daybook.updates.blockers.BlockerReports;
import dev.daybook.updates.blockers.BlockerTracking;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.daybook.people.PersonDirectory;
import dev.daybook.people.PersonProfile;

/**
 * Blockers reported in updates, open until their author resolves them (see {@link BlockerTracking} for
 * the rule). Every query is one indexed read of the open blockers, never of the history.
 */
@Service
@Transactional(readOnly = true)
public class Blockers {

    private final BlockerEntries blockers;
    private final BlockerReports reports;
    private final PersonDirectory people;
    private final Clock clock;

    private final org.springframework.context.ApplicationEventPublisher events;

    private final dev.daybook.support.InsertIfAbsent inserts;

    Blockers(BlockerEntries blockers, BlockerReports reports, PersonDirectory people, Clock clock,
             org.springframework.context.ApplicationEventPublisher events, dev.daybook.support.InsertIfAbsent inserts) {
        this.inserts = inserts;
        this.reports = reports;
        this.blockers = blockers;
        this.people = people;
        this.clock = clock;
        this.events = events;
    }

    /**
     * A project's blockers open now, oldest first: every blocker its author has not resolved, whatever
     * day it is where the asker or the project is, aged in its author's own days.
     */
    public List<OpenBlocker> openBlockers(String teamId, long projectId) {
        return aged(teamId, blockers.findOpenInProjects(teamId, List.of(projectId)), null);
    }

    /**
     * A project's blockers open at the end of a period that ends on {@code lastDay} (a week): those
     * first reported by then and not resolved by then, compared in their author's dates. For an author
     * whose own today is still within the period, the period is not over: what they have resolved is
     * resolved. Ages count their author's days up to the earlier of their today and {@code lastDay}.
     */
    public List<OpenBlocker> openAtEndOf(String teamId, long projectId, LocalDate lastDay) {
        return aged(teamId, blockers.findOpenInProject(teamId, projectId, lastDay), lastDay);
    }

    /** For each open blocker of the project, the latest update that listed it (the one to cite). */
    @Transactional(readOnly = true)
    public Map<Long, Long> latestReports(String teamId, long projectId) {
        Map<Long, Long> latest = new HashMap<>();
        reports.findReportsOfOpen(teamId, projectId).forEach(r -> latest.put(r.blockerId(), r.updateId()));
        return latest;
    }

    /** The person's own blockers open now, in every project, oldest first, aged in their days. */
    public List<OpenBlocker> openBlockersOf(String teamId, String userId) {
        return aged(teamId, blockers.findOpenOfAuthor(teamId, userId), null);
    }

    /** The blockers open now in several projects, each aged in its author's days. */
    public List<OpenBlocker> openBlockers(String teamId, Collection<Long> projectIds) {
        if (projectIds.isEmpty()) {
            return List.of();
        }
        return aged(teamId, blockers.findOpenInProjects(teamId, projectIds), null);
    }

    private List<OpenBlocker> aged(String teamId, List<BlockerEntity> found, LocalDate lastDay) {
        if (found.isEmpty()) {
            return List.of();
        }
        Instant now = clock.instant();
        Map<String, PersonProfile> authors = people.profiles(teamId,
                found.stream().map(BlockerEntity::userId).collect(Collectors.toSet()));
        List<OpenBlocker> open = new ArrayList<>();
        for (BlockerEntity b : found) {
            LocalDate theirToday = authors.get(b.userId()).calendar().dayAt(now);
            if (lastDay != null && !b.isOpen() && !theirToday.isAfter(lastDay)) {
                continue; // resolved, and the period is not over for its author
            }
            open.add(b.toOpen(lastDay != null && lastDay.isBefore(theirToday) ? lastDay : theirToday,
                    authors.get(b.userId()).calendar()));
        }
        return open;
    }

    public Optional<OpenBlocker> byId(String teamId, long blockerId) {
        return blockers.findByIdAndTeamId(blockerId, teamId)
                .map(b -> {
                    dev.daybook.people.WorkingCalendar calendar = people.profile(teamId, b.userId()).calendar();
                    return b.toOpen(calendar.dayAt(clock.instant()), calendar);
                });
    }

    /** The blockers an update lists that are open now, in its author's days: what its shared message offers buttons for. */
    public List<OpenBlocker> openListedIn(String teamId, long updateId) {
        List<Long> ids = reports.findBlockerIdsOf(updateId);
        if (ids.isEmpty()) {
            return List.of();
        }
        return aged(teamId, blockers.findAllById(ids).stream().filter(b -> b.teamId().equals(teamId))
                .filter(BlockerEntity::isOpen).sorted(java.util.Comparator.comparing(BlockerEntity::id)).toList(), null);
    }

    /** What marking a blocker as waiting on the client came to. */
    public enum ClientMark { MARKED, ALREADY, RESOLVED, NOT_FOUND }

    /**
     * Marks a blocker as waiting on the client, as of its author's today (the day its age as an ask counts
     * from). Anyone on the project may; whether the person is on it is the caller's to check.
     */
    @Transactional
    public ClientMark markWaitingOnClient(String teamId, long blockerId, String byUserId) {
        Optional<BlockerEntity> found = blockers.findByIdAndTeamId(blockerId, teamId);
        if (found.isEmpty()) {
            return ClientMark.NOT_FOUND;
        }
        BlockerEntity blocker = found.get();
        if (!blocker.isOpen()) {
            return ClientMark.RESOLVED;
        }
        LocalDate today = people.profile(teamId, blocker.userId()).calendar().dayAt(clock.instant());
        return blocker.markWaitingOnClient(today, byUserId) ? ClientMark.MARKED : ClientMark.ALREADY;
    }

    /** What pressing "I'm on it" came to. */
    public enum Acknowledgement { ACKNOWLEDGED, ALREADY, OWN, RESOLVED, NOT_FOUND }

    /**
     * A teammate says they saw a blocker and are on it. Recorded once per teammate and blocker; the first
     * time, {@link BlockerAcknowledged} is published so its author is told who.
     */
    @Transactional
    public Acknowledgement acknowledge(String teamId, long blockerId, String byUserId) {
        Optional<BlockerEntity> found = blockers.findByIdAndTeamId(blockerId, teamId);
        if (found.isEmpty()) {
            return Acknowledgement.NOT_FOUND;
        }
        BlockerEntity blocker = found.get();
        if (!blocker.isOpen()) {
            return Acknowledgement.RESOLVED;
        }
        if (blocker.userId().equals(byUserId)) {
            return Acknowledgement.OWN;
        }
        boolean first = inserts.insert("""
                insert into blocker_ack (team_id, blocker_id, user_id, acked_at) values (?, ?, ?, ?)
                """, teamId, blockerId, byUserId, dev.daybook.support.Timestamps.of(clock.instant()));
        if (!first) {
            return Acknowledgement.ALREADY;
        }
        events.publishEvent(new BlockerAcknowledged(teamId, blocker.projectId(), blockerId, blocker.userId(),
                byUserId, blocker.text()));
        return Acknowledgement.ACKNOWLEDGED;
    }

    /** Every open client ask of every workspace, aged in its author's working days: what the nudge job reads. */
    public List<OpenBlocker> openClientAsksEverywhere() {
        Map<String, List<BlockerEntity>> byTeam = new java.util.TreeMap<>();
        blockers.findAllOpenClientAsks().forEach(b -> byTeam.computeIfAbsent(b.teamId(), t -> new ArrayList<>()).add(b));
        List<OpenBlocker> all = new ArrayList<>();
        byTeam.forEach((teamId, found) -> all.addAll(aged(teamId, found, null)));
        return all;
    }

    /** The project's open blockers that wait on the client, longest waiting first. */
    public List<OpenBlocker> clientAsks(String teamId, long projectId) {
        return openBlockers(teamId, projectId).stream().filter(OpenBlocker::waitsOnClient)
                .sorted(java.util.Comparator.comparing(OpenBlocker::clientSince).thenComparing(OpenBlocker::id))
                .toList();
    }

    /** Every open client ask in these projects, each aged in its author's working days: what the nudge reads. */
    public List<OpenBlocker> clientAsks(String teamId, Collection<Long> projectIds) {
        if (projectIds.isEmpty()) {
            return List.of();
        }
        return aged(teamId, blockers.findOpenClientAsks(teamId, projectIds), null);
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
        events.publishEvent(new BlockerChanged(teamId, blocker.projectId(), blocker.id(), userId, blocker.text(), false, day));
        return BlockerResolution.RESOLVED;
    }
}
