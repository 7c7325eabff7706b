package dev.daybook.updates;

import dev.daybook.updates.parsing.HeadingVocabulary;
import dev.daybook.updates.parsing.UpdateParser;
import dev.daybook.updates.storage.ProjectHeadingEntity;
import dev.daybook.updates.storage.ProjectHeadingEntries;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import dev.daybook.projects.Project;
import dev.daybook.projects.ProjectDirectory;

/**
 * The headings each project's posts are read with: the standard vocabulary and the project's own
 * ("Wins" for Update), as a lead wrote them in {@code /daybook settings}.
 */
@Service
@Transactional(readOnly = true)
public class Headings {

    /** At most this many headings of a project's own. */
    public static final int MAX_OWN = 20;

    /**
     * Every channel message is read to see whether it is an update; the channel's vocabulary is kept
     * for a minute so that chat costs no database read. Another instance sees a change within that.
     */
    private final Cache<String, UpdateParser> parsers = Caffeine.newBuilder().maximumSize(10_000)
            .expireAfterWrite(Duration.ofMinutes(1)).build();
    private final ProjectHeadingEntries entries;
    private final ProjectDirectory projects;
    private final Clock clock;

    Headings(ProjectHeadingEntries entries, ProjectDirectory projects, Clock clock) {
        this.entries = entries;
        this.projects = projects;
        this.clock = clock;
    }

    /** A project's own headings, by phrase. */
    public Map<String, Section> own(String teamId, long projectId) {
        Map<String, Section> own = new LinkedHashMap<>();
        entries.findByTeamIdAndProjectIdOrderByPhrase(teamId, projectId).forEach(h -> own.put(h.phrase(), h.section()));
        return own;
    }

    /**
     * Reads "Wins = update" lines as a lead types them; the problems say which lines could not be used,
     * and nothing is saved while there are any.
     */
    public static OwnHeadings read(String text) {
        Map<String, Section> headings = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return new OwnHeadings(headings, problems);
        }
        for (String line : text.split("[\\n,;]")) {
            if (line.isBlank()) {
                continue;
            }
            int equals = Math.max(line.indexOf('='), line.indexOf('→'));
            String phrase = equals < 0 ? "" : line.substring(0, equals);
            String part = equals < 0 ? "" : line.substring(equals + 1).strip().toLowerCase(Locale.ROOT);
            Optional<String> heading = HeadingVocabulary.normalisedHeading(phrase);
            Section section = switch (part) {
                case "update", "done", "updates" -> Section.UPDATE;
                case "next", "plan" -> Section.NEXT;
                case "blockers", "blocker", "blocked" -> Section.BLOCKER;
                default -> null;
            };
            if (heading.isEmpty() || section == null) {
                problems.add("`" + line.strip() + "`");
            } else {
                headings.put(heading.get(), section);
            }
        }
        if (headings.size() > MAX_OWN) {
            problems.add("more than " + MAX_OWN + " headings");
        }
        return new OwnHeadings(headings, problems);
    }

    /** Replaces a project's own headings. */
    @Transactional
    public void save(String teamId, long projectId, Map<String, Section> own) {
        entries.deleteByProject(teamId, projectId);
        entries.flush();
        own.forEach((phrase, section) -> entries.save(
                new ProjectHeadingEntity(teamId, projectId, phrase, section, clock.instant())));
        parsers.invalidateAll();
    }

    /** The parser for posts in a channel: the standard vocabulary, plus the channel's project's own headings. */
    UpdateParser parserFor(String teamId, String channelId) {
        return parsers.get(teamId + "/" + channelId, key -> {
            Optional<Project> project = projects.byChannel(teamId, channelId);
            Map<String, Section> own = project.map(p -> own(teamId, p.id())).orElse(Map.of());
            return own.isEmpty() ? STANDARD : new UpdateParser(HeadingVocabulary.standard().with(own));
        });
    }

    private static final UpdateParser STANDARD = new UpdateParser();

    /** Headings as a lead typed them: those Daybook can use, and the lines it cannot. */
    public record OwnHeadings(Map<String, Section> headings, List<String> problems) {

        /** As they are shown in the settings form: one "phrase = part" per line. */
        public static String written(Map<String, Section> headings) {
            StringBuilder text = new StringBuilder();
            headings.forEach((phrase, section) -> text.append(text.length() == 0 ? "" : "\n").append(phrase)
                    .append(" = ").append(section == Section.BLOCKER ? "blockers" : section.label()));
            return text.toString();
        }
    }
}
