package dev.daybook.updates.blockers;

import dev.daybook.updates.BlockerChanged;
import dev.daybook.updates.BlockerResolution;
import dev.daybook.updates.Blockers;
import dev.daybook.updates.Section;
import dev.daybook.updates.UpdateDeleted;
import dev.daybook.updates.UpdateItem;
import dev.daybook.updates.UpdateRecorded;
import dev.daybook.updates.UpdateView;
import dev.daybook.updates.storage.UpdateEntity;
import dev.daybook.updates.storage.Updates;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import dev.daybook.support.InsertIfAbsent;
import dev.daybook.support.Timestamps;

/**
 * Keeps the blocker table in step with the updates, in the transaction that records, revises or
 * deletes an update, so that the two never disagree.
 *
 * <p>The rule: a blocker is open from the first update that lists it. It is resolved by the first later
 * update (a later work day) of its author in the project that has a Blockers section without it (even
 * an empty one, "Blockers: none", or a closing "No blockers."), or that says "resolved: …"/"unblocked: …" about it; or when its author marks it
 * resolved, until an update of a later day lists it again. An update without a Blockers section
 * leaves it open. Everything is derived from the updates that list it, so revising or deleting an
 * update only recomputes the blockers that update touched or could have resolved.
 */
@Component
public class BlockerTracking {

    private final Updates updates;
    private final BlockerEntries blockers;
    private final BlockerReports reports;
    private final InsertIfAbsent inserts;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    BlockerTracking(Updates updates, BlockerEntries blockers, BlockerReports reports, InsertIfAbsent inserts,
                    Clock clock, ApplicationEventPublisher events) {
        this.updates = updates;
        this.blockers = blockers;
        this.reports = reports;
        this.inserts = inserts;
        this.clock = clock;
        this.events = events;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(UpdateRecorded recorded) {
        // Most revisions change no blocker, and most updates list none: then the rule has nothing to
        // derive, and reading the author's blockers and updates again was a third of an update's cost.
        if (updates.findById(recorded.updateId()).filter(UpdateEntity::blockerFactsUnchanged).isPresent()) {
            return;
        }
        track(recorded.teamId(), recorded.updateId(), recorded.projectId(), recorded.userId(), recorded.day());
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(UpdateDeleted deleted) {
        track(deleted.teamId(), deleted.updateId(), deleted.projectId(), deleted.userId(), deleted.day());
    }

    private void track(String teamId, long updateId, long projectId, String userId, LocalDate day) {
        // Every blocker an update can touch is its author's in its project: read those few rows once,
        // rather than asking the database blocker by blocker.
        Map<String, BlockerEntity> byKey = new HashMap<>();
        blockers.findByTeamIdAndProjectIdAndUserId(teamId, projectId, userId).forEach(b -> byKey.put(b.textKey(), b));
        Map<Long, Boolean> openBefore = new HashMap<>();
        byKey.values().forEach(b -> openBefore.put(b.id(), b.isOpen()));
        Set<Long> affected = new TreeSet<>(reports.findBlockerIdsOf(updateId));
        if (!affected.isEmpty()) {
            reports.deleteByUpdateId(updateId);
        }
        byKey.values().stream().filter(b -> b.resolvedBy(updateId)).forEach(b -> affected.add(b.id()));

        Optional<UpdateEntity> update = updates.findById(updateId);
        if (update.isPresent()) {
            UpdateView view = update.get().toView();
            Set<String> clientKeys = new java.util.HashSet<>();
            view.items(Section.BLOCKER).stream().filter(UpdateItem::clientAsk)
                    .forEach(i -> clientKeys.add(BlockerText.key(i.text())));
            for (Map.Entry<String, String> listed : listedBlockers(view).entrySet()) {
                BlockerEntity blocker = byKey.get(listed.getKey());
                if (blocker == null) {
                    blocker = open(teamId, projectId, userId, listed.getKey(), listed.getValue(), day);
                    byKey.put(listed.getKey(), blocker);
                }
                reports.save(new BlockerReportEntity(teamId, blocker.id(), updateId, day));
                if (clientKeys.contains(listed.getKey())) {
                    blocker.markWaitingOnClient(day, userId); // [client]: waiting on the client from that update's day
                }
                if (!day.isBefore(blocker.lastDay())) {
                    blocker.showAs(listed.getValue());
                }
                affected.add(blocker.id());
            }
        }
        reports.flush();
        byKey.values().stream().filter(b -> b.unsettledOn(day)).forEach(b -> affected.add(b.id()));
        // A report or resolution of this update only ever names a blocker of its author in its project.
        Set<Long> deleted = new java.util.HashSet<>();
        recompute(teamId, projectId, userId, byKey.values().stream().filter(b -> affected.contains(b.id())).toList(),
                deleted);
        for (BlockerEntity blocker : byKey.values()) {
            if (deleted.contains(blocker.id())) {
                continue;
            }
            boolean before = openBefore.getOrDefault(blocker.id(), false);
            if (before != blocker.isOpen()) {
                events.publishEvent(new BlockerChanged(teamId, projectId, blocker.id(), userId, blocker.text(),
                        blocker.isOpen(), day));
            }
        }
    }

    /** The update's blocker items by key, first wording kept; "none" and the like list nothing. */
    private static Map<String, String> listedBlockers(UpdateView update) {
        Map<String, String> listed = new LinkedHashMap<>();
        for (UpdateItem item : update.items(Section.BLOCKER)) {
            if (!BlockerText.saysNothing(item.text())) {
                listed.putIfAbsent(BlockerText.key(item.text()), item.text());
            }
        }
        return listed;
    }

    private BlockerEntity open(String teamId, long projectId, String userId, String key, String text, LocalDate day) {
        // Two updates of the same author (two days) may be recorded at once: one row per blocker all the same.
        inserts.insert("""
                insert into blocker (team_id, project_id, user_id, text_key, text, first_day, last_day, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                """, teamId, projectId, userId, key, text, day, day, Timestamps.of(clock.instant()));
        return blockers.findByTeamIdAndProjectIdAndUserIdAndTextKey(teamId, projectId, userId, key).orElseThrow();
    }

    /** Derives each blocker's days and state from the updates that list it and those after them. */
    private void recompute(String teamId, long projectId, String userId, List<BlockerEntity> touched,
                           Set<Long> deleted) {
        if (touched.isEmpty()) {
            return;
        }
        Map<Long, List<LocalDate>> daysOf = new HashMap<>();
        reports.findDaysOfAuthor(teamId, projectId, userId)
                .forEach(r -> daysOf.computeIfAbsent(r.blockerId(), id -> new ArrayList<>()).add(r.day()));
        List<BlockerEntity> listed = new ArrayList<>();
        for (BlockerEntity blocker : touched) {
            List<LocalDate> days = daysOf.getOrDefault(blocker.id(), List.of());
            if (days.isEmpty()) {
                blockers.delete(blocker); // no update lists it any more
                deleted.add(blocker.id());
            } else {
                blocker.reported(days.get(0), days.get(days.size() - 1));
                listed.add(blocker);
            }
        }
        List<BlockerEntity> unmarked = listed.stream().filter(b -> !b.markedSince(b.lastDay())).toList();
        if (unmarked.isEmpty()) {
            return;
        }
        LocalDate earliest = unmarked.stream().map(BlockerEntity::lastDay).min(LocalDate::compareTo).orElseThrow();
        List<BlockerCandidate> candidates = new ArrayList<>(blockers.findResolvingAfter(teamId, projectId, userId,
                earliest));
        candidates.addAll(blockers.findStatedAfter(teamId, projectId, userId, earliest));
        candidates.sort(java.util.Comparator.comparing(BlockerCandidate::day)); // stable: an update's items keep their order
        for (BlockerEntity blocker : unmarked) {
            Optional<BlockerCandidate> resolving = candidates.stream()
                    .filter(c -> c.day().isAfter(blocker.lastDay()))
                    .filter(c -> c.section() == Section.BLOCKER
                            || BlockerText.resolutionTarget(c.text()).filter(t -> BlockerText.names(t, blocker.text()))
                            .isPresent())
                    .findFirst();
            if (resolving.isEmpty()) {
                blocker.open();
            } else {
                BlockerCandidate by = resolving.get();
                blocker.resolve(by.day(), by.section() == Section.BLOCKER ? BlockerResolution.How.LATER_UPDATE
                        : BlockerResolution.How.UPDATE_ITEM, by.updateId(), clock.instant());
            }
        }
    }
}
