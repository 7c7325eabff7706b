package dev.daybook.digest;

import dev.daybook.digest.building.SummaryBuilder;
import dev.daybook.digest.scheduling.DigestSchedules;
import dev.daybook.digest.summary.ReadySummary;
import dev.daybook.digest.summary.WeekOfProject;
import dev.daybook.digest.summary.WeeklySummary;
import dev.daybook.digest.web.DigestLinks;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import dev.daybook.projects.Project;
import dev.daybook.projects.ProjectDirectory;
import dev.daybook.support.Dispatches;
import dev.daybook.support.ScheduledMessageDue;
import dev.daybook.support.PublicUrl;
import dev.daybook.updates.ActiveAuthor;
import dev.daybook.updates.UpdateService;

/**
 * The weekly stakeholder summary: each project's schedule and digest channel, deciding once per
 * project and week that its summary is due (on time, or late after downtime), and the links to its
 * web page.
 */
@Service
public class Digests {

    /** The kind under which the decision is recorded in {@code scheduled_dispatch}, once per project-week. */
    static final String KIND = "digest:weekly";

    private static final Logger log = LoggerFactory.getLogger(Digests.class);

    private final ProjectDirectory projects;
    private final UpdateService updates;
    private final SummaryBuilder builder;
    private final DigestSchedules schedules;
    private final DigestLinks links;
    private final Dispatches dispatches;
    private final ApplicationEventPublisher events;
    private final DigestSettings settings;
    private final PublicUrl publicUrl;
    private final Clock clock;
    private final TransactionTemplate transaction;

    Digests(ProjectDirectory projects, UpdateService updates, SummaryBuilder builder, DigestSchedules schedules,
            DigestLinks links, Dispatches dispatches, ApplicationEventPublisher events, DigestSettings settings, PublicUrl publicUrl,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.projects = projects;
        this.updates = updates;
        this.builder = builder;
        this.schedules = schedules;
        this.links = links;
        this.dispatches = dispatches;
        this.events = events;
        this.settings = settings;
        this.publicUrl = publicUrl;
        this.clock = clock;
        this.transaction = new TransactionTemplate(transactions);
    }

    /** The project's schedule: its own where it set one, the defaults otherwise (channel null: the project's). */
    @Transactional(readOnly = true)
    public DigestSchedule schedule(Project project) {
        return schedules.find(project.teamId(), project.id())
                .orElseGet(() -> new DigestSchedule(null, settings.defaultDay(), settings.defaultTime()));
    }

    @Transactional
    public void saveSchedule(Project project, DigestSchedule schedule, String userId) {
        schedules.save(project.teamId(), project.id(), schedule, userId, clock.instant());
    }

    /** The week the project is in now, in its own time zone. */
    public IsoWeek currentWeek(Project project) {
        return IsoWeek.of(clock.instant().atZone(projects.zone(project)).toLocalDate());
    }

    /** The project's summary for a week, as it stands now. */
    @Transactional(readOnly = true)
    public WeeklySummary summary(Project project, IsoWeek week) {
        return builder.build(project, projects.zone(project), week);
    }

    /**
     * Decides which projects' summaries are due at {@code now} and hands each to the Slack edge once.
     * A summary is due at its project's day and time; one missed because the service was down is
     * handed over when it is back (within {@code catch-up-within}), marked late.
     */
    public int sendDue(Instant now) {
        LocalDate utcToday = LocalDate.ofInstant(now, ZoneOffset.UTC);
        Map<String, ActiveAuthor> active = new LinkedHashMap<>();
        for (ActiveAuthor author : updates.activeAuthors(utcToday.minusDays(ActiveAuthor.ACTIVE_DAYS + 7))) {
            active.putIfAbsent(author.teamId() + "/" + author.projectId(), author);
        }
        Set<String> recorded = dispatches.recordedSince(utcToday.minusDays(21));
        int handed = 0;
        for (ActiveAuthor any : active.values()) {
            Optional<Project> found = projects.byId(any.projectId());
            if (found.isEmpty() || found.get().archived() || !found.get().teamId().equals(any.teamId())) {
                continue;
            }
            Project project = found.get();
            DigestSchedule schedule = schedule(project);
            WeekOfProject timing = new WeekOfProject(projects.zone(project), schedule.day(), schedule.time());
            IsoWeek week = timing.latestDue(now);
            Instant dueAt = timing.dueAt(week);
            if (recorded.contains(Dispatches.key(project.teamId(), dispatcher(project.id()), week.monday(), KIND))
                    || !now.isBefore(dueAt.plus(settings.catchUpWithin()))
                    || !hadUpdatesBy(project, dueAt.atZone(timing.zone()).toLocalDate())) {
                continue;
            }
            boolean late = now.isAfter(dueAt.plus(settings.lateAfter()));
            if (publish(project, week, dueAt, late, null)) {
                handed++;
                if (late) {
                    log.info("Digest: the summary of {} for {} was due at {}; posting it late.", project.id(), week, dueAt);
                }
            }
        }
        if (handed > 0) {
            log.info("Digest: {} summaries due at {}.", handed, now);
        }
        return handed;
    }

    /** What {@code /daybook digest post} did. */
    public enum PostNow {
        /** Handed to Slack: it appears in a moment. */
        POSTING,
        /** The week's summary was posted (or is being posted) already; a week has one. */
        ALREADY_POSTED
    }

    /** Posts the project's summary for the current week now; it counts as the week's one summary. */
    public PostNow postNow(Project project, String userId) {
        IsoWeek week = currentWeek(project);
        return publish(project, week, clock.instant(), false, userId) ? PostNow.POSTING : PostNow.ALREADY_POSTED;
    }

    /**
     * The summary to post for a decision, with a new link to its web page; empty when the project is
     * gone. Built when it is sent, so that it holds everything filed until then.
     */
    @Transactional
    public Optional<ReadySummary> compose(ScheduledMessageDue due) {
        Optional<Project> found = projects.byId(due.projectId()).filter(p -> p.teamId().equals(due.teamId()));
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Project project = found.get();
        IsoWeek week = IsoWeek.of(due.day());
        String channel = Optional.ofNullable(schedule(project).channelId()).orElse(project.channelId());
        return Optional.of(new ReadySummary(summary(project, week), channel, newLink(project, week), due.late(),
                due.dueAt(), due.requestedBy()));
    }

    /** A new link to the web page of a project's summary for a week, working for {@code link-lifetime}. */
    @Transactional
    public String newLink(Project project, IsoWeek week) {
        Instant now = clock.instant();
        String token = links.create(project.teamId(), project.id(), week, now, now.plus(settings.linkLifetime()));
        return publicUrl.resolve("/digests/" + token);
    }

    public long linkLifetimeDays() {
        return settings.linkLifetime().toDays();
    }

    /** Stops every link to the project's summaries from working; how many links that was. */
    @Transactional
    public int revokeLinks(Project project) {
        return links.revokeAll(project.teamId(), project.id(), clock.instant());
    }

    /** The summary a link opens now; empty for a link that is unknown, expired or revoked. */
    @Transactional(readOnly = true)
    public Optional<WeeklySummary> openLink(String token) {
        return links.open(token, clock.instant())
                .flatMap(target -> projects.byId(target.projectId())
                        .filter(p -> p.teamId().equals(target.teamId()))
                        .map(p -> summary(p, target.week())));
    }

    /** Whether the week's summary has been decided (posted, or on its way). */
    @Transactional(readOnly = true)
    public boolean isDecided(Project project, IsoWeek week) {
        return dispatches.exists(project.teamId(), dispatcher(project.id()), week.monday(), KIND);
    }

    private boolean hadUpdatesBy(Project project, LocalDate dueDay) {
        // A quiet week gets a "no updates" summary, but a project that only started after the summary's
        // time does not get one for a week it was not part of.
        return !updates.inRange(project.teamId(), project.id(),
                ActiveAuthor.activeSince(dueDay), dueDay, null).isEmpty();
    }

    private boolean publish(Project project, IsoWeek week, Instant dueAt, boolean late, String requestedBy) {
        Boolean published = transaction.execute(status -> dispatches
                .record(project.teamId(), dispatcher(project.id()), week.monday(), KIND, dueAt)
                .map(id -> {
                    events.publishEvent(new ScheduledMessageDue(KIND, project.teamId(), dispatcher(project.id()),
                            week.monday(), id, dueAt, late, requestedBy));
                    return true;
                })
                .orElse(false));
        return Boolean.TRUE.equals(published);
    }

    /** Who a project's scheduled summary is "for" in {@code scheduled_dispatch}, which is keyed by person. */
    static String dispatcher(long projectId) {
        return ScheduledMessageDue.PROJECT + projectId;
    }
}
