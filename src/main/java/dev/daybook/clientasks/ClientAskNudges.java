package dev.daybook.clientasks;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.daybook.projects.ProjectDirectory;
import dev.daybook.projects.ProjectLeads;
import dev.daybook.support.Dispatches;
import dev.daybook.support.ScheduledMessageDue;
import dev.daybook.updates.Blockers;
import dev.daybook.updates.OpenBlocker;

/**
 * Decides which leads to nudge about client asks older than their project's limit: each lead once per
 * ask (recorded in {@code scheduled_dispatch} under the day the ask was marked), however often the job
 * runs and on however many instances. The Slack edge composes and sends the DM.
 */
@Service
public class ClientAskNudges {

    /** The feature part of the kind: {@code clientask:<blocker id>}. */
    public static final String FEATURE = "clientask";

    private final Blockers blockers;
    private final ProjectDirectory projects;
    private final ProjectLeads leads;
    private final Dispatches dispatches;
    private final ApplicationEventPublisher events;

    ClientAskNudges(Blockers blockers, ProjectDirectory projects, ProjectLeads leads, Dispatches dispatches,
                    ApplicationEventPublisher events) {
        this.blockers = blockers;
        this.projects = projects;
        this.leads = leads;
        this.dispatches = dispatches;
        this.events = events;
    }

    /** Records and hands over the nudges due at {@code now}; how many were handed over. */
    @Transactional
    public int sendDue(Instant now) {
        int handed = 0;
        Map<Long, Integer> limits = new HashMap<>();
        for (OpenBlocker ask : blockers.openClientAsksEverywhere()) {
            int limit = limits.computeIfAbsent(ask.projectId(), projects::clientAskLimit);
            if (!ClientAskRule.overdue(ask.clientAgeDays(), limit)) {
                continue;
            }
            for (ProjectLeads.Lead lead : leads.of(ask.teamId(), ask.projectId())) {
                String kind = ClientAskRule.kind(ask.id());
                Optional<Long> id = dispatches.record(ask.teamId(), lead.userId(), ask.clientSince(), kind, now);
                if (id.isPresent()) {
                    events.publishEvent(ScheduledMessageDue.of(kind, ask.teamId(), lead.userId(), ask.clientSince(),
                            id.get(), now));
                    handed++;
                }
            }
        }
        return handed;
    }

    /** The ask a nudge is about, if it still waits on the client: a nudge for a resolved one is skipped. */
    public Optional<OpenBlocker> stillWaiting(ScheduledMessageDue due) {
        long blockerId;
        try {
            blockerId = Long.parseLong(due.variant());
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        return blockers.byId(due.teamId(), blockerId).filter(OpenBlocker::waitsOnClient)
                .filter(b -> blockers.openBlockers(due.teamId(), b.projectId()).stream().anyMatch(o -> o.id() == b.id()));
    }

    /** The project's limit, for the nudge's words. */
    public int limitOf(long projectId) {
        return projects.clientAskLimit(projectId);
    }

}
