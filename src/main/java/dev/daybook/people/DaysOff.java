package dev.daybook.people;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import dev.daybook.people.CalendarSourceEntity.Kind;
import dev.daybook.support.GuardedHttp;
import dev.daybook.support.GuardedHttp.RefusedAddress;
import dev.daybook.support.HostResolver;
import dev.daybook.support.OutboundAddressRule;

/**
 * Days that are not working days beyond a person's weekdays: public holidays of a workspace or a
 * project (an iCalendar URL, days listed in settings, or the deployment's holiday file) and time
 * away from a person's out-of-office iCalendar feed. {@link PersonDirectory} puts them into each
 * person's {@link WorkingCalendar}; nothing else reads them.
 *
 * <p>A feed is fetched when it is set (so a wrong address is reported at once) and again when its
 * copy is older than {@code daybook.calendars.refresh-every}. A fetch that fails, or brings back
 * something that is not an iCalendar file, keeps the last good copy and records the problem, which
 * the settings show.
 */
@Service
public class DaysOff {

    private static final Logger log = LoggerFactory.getLogger(DaysOff.class);
    /** A holiday calendar or one person's time away is small; a bigger answer is refused unread. */
    static final long LONGEST_FEED = 1 << 20;
    /** Days listed in settings. */
    static final int MOST_LISTED = 400;

    private final CalendarSources sources;
    private final CalendarSettings settings;
    private final HostResolver resolver;
    private final Clock clock;
    private final ZoneId defaultZone;
    private final TransactionTemplate transaction;
    private final OkHttpClient http;
    private final Cache<String, Set<LocalDate>> holidays = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofMinutes(1)).maximumSize(10_000).build();
    private volatile FileCopy file;

    DaysOff(CalendarSources sources, CalendarSettings settings, PeopleSettings people, HostResolver resolver,
            Clock clock, PlatformTransactionManager transactions) {
        this.sources = sources;
        this.settings = settings;
        this.resolver = resolver;
        this.clock = clock;
        this.defaultZone = people.defaultTimeZone();
        this.transaction = new TransactionTemplate(transactions);
        this.http = GuardedHttp.client(settings.timeout(), settings.timeout(), resolver, settings.policy());
    }

    /** Who a calendar is for. */
    public enum Owner { WORKSPACE, PROJECT, PERSON }

    /** What is set for one owner, for settings to show. */
    public record Source(String url, List<AwayPeriod> days, Instant fetchedAt, String problem) {
    }

    /** The answer to a change of settings: saved (perhaps with a warning), or refused with why. */
    public record Saved(boolean saved, String message) {
    }

    // ---- reading ------------------------------------------------------------------------------

    /** The public holidays everyone in the workspace has: the deployment's file and the workspace's calendar. */
    public Set<LocalDate> workspaceHolidays(String teamId) {
        return holidays.get("w:" + teamId, k -> {
            Set<LocalDate> days = new HashSet<>(fileHolidays());
            sources.findByTeamIdAndOwnerKindAndOwnerId(teamId, Kind.WORKSPACE, "")
                    .ifPresent(s -> days.addAll(expand(daysOf(s))));
            return Set.copyOf(days);
        });
    }

    /** The holidays of one project: the workspace's and the project's own calendar. */
    public Set<LocalDate> projectHolidays(String teamId, long projectId) {
        // The workspace's entry is read before, not inside, the project's: a cache load must not load
        // another entry of the same cache (ConcurrentHashMap throws "Recursive update" when both keys
        // share a bin).
        Set<LocalDate> workspace = workspaceHolidays(teamId);
        return holidays.get("p:" + teamId + ":" + projectId, k -> {
            Set<LocalDate> days = new HashSet<>(workspace);
            sources.findByTeamIdAndOwnerKindAndOwnerId(teamId, Kind.PROJECT, Long.toString(projectId))
                    .ifPresent(s -> days.addAll(expand(daysOf(s))));
            return Set.copyOf(days);
        });
    }

    /** Time away from these people's out-of-office feeds (the last good copy of each). */
    Map<String, List<AwayPeriod>> feedAway(String teamId, Collection<String> userIds) {
        if (userIds.isEmpty()) {
            return Map.of();
        }
        Map<String, List<AwayPeriod>> away = new HashMap<>();
        sources.findByTeamIdAndOwnerKindAndOwnerIdIn(teamId, Kind.PERSON, userIds)
                .forEach(s -> away.put(s.ownerId(), daysOf(s)));
        return away;
    }

    /** Time away from every out-of-office feed, by person (for the schedules, which look at everyone). */
    Map<PersonRef, List<AwayPeriod>> allFeedAway() {
        Map<PersonRef, List<AwayPeriod>> away = new HashMap<>();
        sources.findByOwnerKind(Kind.PERSON).forEach(s -> away.put(new PersonRef(s.teamId(), s.ownerId()), daysOf(s)));
        return away;
    }

    public Optional<Source> source(String teamId, Owner owner, String ownerId) {
        return sources.findByTeamIdAndOwnerKindAndOwnerId(teamId, Kind.valueOf(owner.name()), ownerId == null ? "" : ownerId)
                .map(s -> new Source(s.url(), daysOf(s), s.fetchedAt(), s.problem()));
    }

    // ---- changing -----------------------------------------------------------------------------

    /**
     * Sets where an owner's days off come from: an {@code https://} iCalendar address, days written
     * {@code 2027-12-25, 2027-12-26}, or {@code off}. A person's feed must be an address.
     */
    public Saved set(String teamId, Owner owner, String ownerId, String input, ZoneId zone) {
        String text = input == null ? "" : input.strip();
        Kind kind = Kind.valueOf(owner.name());
        String id = ownerId == null ? "" : ownerId;
        if (text.equalsIgnoreCase("off") || text.equalsIgnoreCase("none")) {
            transaction.executeWithoutResult(s -> sources.findByTeamIdAndOwnerKindAndOwnerId(teamId, kind, id)
                    .ifPresent(sources::delete));
            holidays.invalidateAll();
            return new Saved(true, "Removed.");
        }
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.startsWith("http://") || lower.startsWith("https://") || lower.startsWith("webcal://")) {
            String url = lower.startsWith("webcal://") ? "https://" + text.substring("webcal://".length()) : text;
            Optional<String> refused = OutboundAddressRule.problemWithUrl(url, settings.policy());
            if (refused.isPresent()) {
                return new Saved(false, "I can't use that address: " + refused.get() + ".");
            }
            transaction.executeWithoutResult(s -> owned(teamId, kind, id).useUrl(url, clock.instant()));
            Optional<String> problem = refresh(teamId, kind, id, url, zone);
            holidays.invalidateAll();
            return problem.map(p -> new Saved(true, "Saved the address, but I couldn't read it: " + p
                            + ". I'll keep trying, and use the days I last read from it meanwhile."))
                    .orElseGet(() -> new Saved(true, "Saved: " + describe(source(teamId, owner, id).orElseThrow()) + "."));
        }
        if (owner == Owner.PERSON) {
            return new Saved(false, "Give the address of your out-of-office calendar (an iCalendar feed, "
                    + "`https://…`), or `off`.");
        }
        TreeSet<LocalDate> days = new TreeSet<>();
        for (String word : text.split("[\\s,;]+")) {
            if (word.isEmpty()) {
                continue;
            }
            try {
                days.add(LocalDate.parse(word));
            } catch (DateTimeParseException e) {
                return new Saved(false, "I couldn't read `" + cut(word) + "` as a date. List days like "
                        + "`2027-12-25, 2027-12-26`, or give an iCalendar address (`https://…`), or `off`.");
            }
        }
        if (days.isEmpty()) {
            return new Saved(false, "List days like `2027-12-25, 2027-12-26`, give an iCalendar address "
                    + "(`https://…`), or `off`.");
        }
        if (days.size() > MOST_LISTED) {
            return new Saved(false, "That is more than " + MOST_LISTED + " days; give an iCalendar address instead.");
        }
        String stored = encode(days.stream().map(d -> new AwayPeriod(d, d)).toList());
        transaction.executeWithoutResult(s -> owned(teamId, kind, id).useListed(stored, clock.instant()));
        holidays.invalidateAll();
        return new Saved(true, "Saved " + days.size() + (days.size() == 1 ? " day" : " days") + ": "
                + String.join(", ", days.stream().limit(12).map(LocalDate::toString).toList())
                + (days.size() > 12 ? ", …" : "") + ".");
    }

    /** Fetches again every feed whose copy is older than the refresh interval; returns how many were tried. */
    public int refreshStale(java.util.function.Function<PersonRef, ZoneId> zoneOfPerson) {
        Instant due = clock.instant().minus(settings.refreshEvery());
        int tried = 0;
        for (CalendarSourceEntity s : sources.findByUrlIsNotNull()) {
            if (s.fetchedAt() == null || s.fetchedAt().isBefore(due)) {
                ZoneId zone = s.ownerKind() == Kind.PERSON ? zoneOfPerson.apply(new PersonRef(s.teamId(), s.ownerId()))
                        : defaultZone;
                refresh(s.teamId(), s.ownerKind(), s.ownerId(), s.url(), zone);
                tried++;
            }
        }
        holidays.invalidateAll();
        return tried;
    }

    /** "12 days from 2027-01-01 to 2027-12-26, read 2027-01-01 10:00 UTC", for settings. */
    public static String describe(Source source) {
        List<AwayPeriod> days = source.days();
        String what = days.isEmpty() ? "no days"
                : expand(days).size() + (expand(days).size() == 1 ? " day" : " days") + " from "
                        + days.stream().map(AwayPeriod::firstDay).min(LocalDate::compareTo).orElseThrow() + " to "
                        + days.stream().map(AwayPeriod::lastDay).max(LocalDate::compareTo).orElseThrow();
        return what + (source.url() == null ? " (listed in settings)" : " (from " + source.url() + ")");
    }

    // ---- fetching -----------------------------------------------------------------------------

    /** Fetches a feed outside any transaction and stores what it got; the problem, if any. */
    private Optional<String> refresh(String teamId, Kind kind, String ownerId, String url, ZoneId zone) {
        String problem;
        try {
            List<AwayPeriod> periods = IcsCalendar.periods(download(url), zone, LocalDate.ofInstant(clock.instant(), zone));
            String days = encode(periods);
            transaction.executeWithoutResult(s -> sources.findByTeamIdAndOwnerKindAndOwnerId(teamId, kind, ownerId)
                    .filter(found -> url.equals(found.url())).ifPresent(found -> found.fetched(days, clock.instant())));
            return Optional.empty();
        } catch (IcsCalendar.Unreadable e) {
            problem = "what it sent is not a calendar I can read (" + e.getMessage() + ")";
        } catch (FeedProblem e) {
            problem = e.getMessage();
        }
        String why = problem;
        log.info("Calendar feed of {} {} in {}: {}", kind, ownerId, teamId, why);
        transaction.executeWithoutResult(s -> sources.findByTeamIdAndOwnerKindAndOwnerId(teamId, kind, ownerId)
                .filter(found -> url.equals(found.url())).ifPresent(found -> found.failed(why, clock.instant())));
        return Optional.of(why);
    }

    private static final class FeedProblem extends Exception {
        FeedProblem(String message) {
            super(message);
        }
    }

    private String download(String url) throws FeedProblem {
        Request request;
        try {
            request = new Request.Builder().url(url).header("Accept", "text/calendar").get().build();
        } catch (IllegalArgumentException e) {
            throw new FeedProblem("it is not an address I can call");
        }
        try (Response response = http.newCall(request).execute()) {
            if (response.code() != 200) {
                throw new FeedProblem("it answered HTTP " + response.code());
            }
            ResponseBody body = response.body();
            if (body.contentLength() > LONGEST_FEED) {
                throw new FeedProblem("it is larger than a calendar of days off can be");
            }
            byte[] bytes = body.byteStream().readNBytes((int) LONGEST_FEED + 1);
            if (bytes.length > LONGEST_FEED) {
                throw new FeedProblem("it is larger than a calendar of days off can be");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (RefusedAddress refused) {
            throw new FeedProblem("I don't call that address (" + refused.getMessage() + ")");
        } catch (IOException e) {
            throw new FeedProblem("it did not answer (" + e.getClass().getSimpleName() + ")");
        }
    }



    // ---- the deployment's file ------------------------------------------------------------------

    /** The file as last read, and the day its repeating events were expanded around. */
    private record FileCopy(Instant modified, LocalDate expandedOn, Set<LocalDate> days) {
    }

    private Set<LocalDate> fileHolidays() {
        if (settings.holidaysFile() == null) {
            return Set.of();
        }
        try {
            Instant modified = Files.getLastModifiedTime(settings.holidaysFile()).toInstant();
            FileCopy copy = file;
            LocalDate today = LocalDate.ofInstant(clock.instant(), defaultZone);
            // Read again when the file changes, and each day, so that its repetitions' window moves on.
            if (copy == null || !copy.modified().equals(modified) || !copy.expandedOn().equals(today)) {
                String text = Files.readString(settings.holidaysFile(), StandardCharsets.UTF_8);
                copy = new FileCopy(modified, today, Set.copyOf(expand(IcsCalendar.periods(text, defaultZone, today))));
                file = copy;
            }
            return copy.days();
        } catch (IOException | IcsCalendar.Unreadable | RuntimeException e) {
            // Keep the last good copy of the file, as for a feed.
            log.warn("daybook.calendars.holidays-file {} cannot be read: {}", settings.holidaysFile(), e.getMessage());
            FileCopy copy = file;
            return copy == null ? Set.of() : copy.days();
        }
    }

    // ---- storage --------------------------------------------------------------------------------

    private CalendarSourceEntity owned(String teamId, Kind kind, String ownerId) {
        return sources.findByTeamIdAndOwnerKindAndOwnerId(teamId, kind, ownerId)
                .orElseGet(() -> sources.saveAndFlush(new CalendarSourceEntity(teamId, kind, ownerId, clock.instant())));
    }

    private static List<AwayPeriod> daysOf(CalendarSourceEntity source) {
        String stored = source.url() == null ? source.listedDays() : source.fetchedDays();
        return decode(stored);
    }

    /** Periods as {@code 2027-12-24/2027-12-26,2028-01-01/2028-01-01}. */
    static String encode(List<AwayPeriod> periods) {
        return String.join(",", periods.stream().map(p -> p.firstDay() + "/" + p.lastDay()).toList());
    }

    static List<AwayPeriod> decode(String stored) {
        if (stored == null || stored.isBlank()) {
            return List.of();
        }
        List<AwayPeriod> periods = new ArrayList<>();
        for (String part : stored.split(",")) {
            String[] ends = part.split("/");
            periods.add(new AwayPeriod(LocalDate.parse(ends[0]), LocalDate.parse(ends[ends.length - 1])));
        }
        return periods;
    }

    static Set<LocalDate> expand(List<AwayPeriod> periods) {
        Set<LocalDate> days = new HashSet<>();
        for (AwayPeriod p : periods) {
            for (LocalDate d = p.firstDay(); !d.isAfter(p.lastDay()); d = d.plusDays(1)) {
                days.add(d);
            }
        }
        return days;
    }

    private static String cut(String text) {
        return text.length() > 30 ? text.substring(0, 30) + "…" : text;
    }
}
