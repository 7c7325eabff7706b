package dev.daybook.status;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.commons.text.similarity.LevenshteinDistance;

import dev.daybook.projects.Project;

/**
 * Finds the project a person means: a channel mention ({@code <#C123|acme>}), the channel name with or
 * without {@code #}, the client's name, one word of a channel name ("churn" for {@code #acme-churn}),
 * or any of these with a typo or two in names of five characters or more. Pure: the caller gives the
 * workspace's projects.
 */
public final class ProjectMatcher {

    private static final Pattern CHANNEL_MENTION = Pattern.compile("^<#(C[A-Z0-9]+|G[A-Z0-9]+)(?:\\|([^>]*))?>$");
    private static final Pattern WORDS = Pattern.compile("[-_.\\s]+");
    private static final int TYPO_MIN_LENGTH = 5;
    private static final int MAX_TYPOS = 2;
    private static final LevenshteinDistance DISTANCE = new LevenshteinDistance(MAX_TYPOS);

    private ProjectMatcher() {
    }

    /** Every project the phrase may mean, best kind of match only: one element when it is clear. */
    public static List<Project> match(String phrase, List<Project> projects) {
        if (phrase == null || phrase.isBlank()) {
            return List.of();
        }
        String written = phrase.strip();
        Matcher mention = CHANNEL_MENTION.matcher(written);
        if (mention.matches()) {
            String channelId = mention.group(1);
            return projects.stream().filter(p -> p.channelId().equals(channelId)).toList();
        }
        String wanted = normalise(written);
        if (wanted.isEmpty()) {
            return List.of();
        }
        List<Project> live = projects.stream().filter(p -> !p.archived()).toList();
        for (List<Project> among : List.of(live, projects)) {
            List<Project> exact = among.stream()
                    .filter(p -> normalise(p.name()).equals(wanted) || normalise(p.client()).equals(wanted)).toList();
            if (!exact.isEmpty()) {
                return exact;
            }
            List<Project> byWord = among.stream().filter(p -> hasWords(p, wanted)).toList();
            if (!byWord.isEmpty()) {
                return byWord;
            }
            if (wanted.length() >= TYPO_MIN_LENGTH) {
                List<Project> close = closest(wanted, among);
                if (!close.isEmpty()) {
                    return close;
                }
            }
        }
        return List.of();
    }

    /** The phrase's words all appear, in order, among the words of the channel or client name. */
    private static boolean hasWords(Project project, String wanted) {
        return containsWords(words(project.name()), words(wanted)) || containsWords(words(project.client()), words(wanted));
    }

    private static boolean containsWords(List<String> haystack, List<String> needle) {
        if (needle.isEmpty() || haystack.isEmpty()) {
            return false;
        }
        for (int start = 0; start + needle.size() <= haystack.size(); start++) {
            if (haystack.subList(start, start + needle.size()).equals(needle)) {
                return true;
            }
        }
        return false;
    }

    private static List<Project> closest(String wanted, List<Project> projects) {
        int best = MAX_TYPOS + 1;
        List<Project> found = new ArrayList<>();
        for (Project p : projects) {
            Set<String> names = new LinkedHashSet<>();
            names.add(normalise(p.name()));
            names.add(normalise(p.client()));
            names.addAll(words(p.name()));
            names.addAll(words(p.client()));
            int distance = names.stream().filter(n -> n.length() >= TYPO_MIN_LENGTH)
                    .mapToInt(n -> distance(wanted, n)).min().orElse(MAX_TYPOS + 1);
            if (distance < best) {
                best = distance;
                found.clear();
            }
            if (distance == best && distance <= MAX_TYPOS) {
                found.add(p);
            }
        }
        return found;
    }

    static int distance(String a, String b) {
        int d = DISTANCE.apply(a, b);
        return d < 0 ? Integer.MAX_VALUE : d;
    }

    private static List<String> words(String name) {
        String n = normalise(name);
        return n.isEmpty() ? List.of() : List.of(WORDS.split(n));
    }

    static String normalise(String name) {
        if (name == null) {
            return "";
        }
        String n = name.strip().toLowerCase(Locale.ROOT);
        if (n.startsWith("#")) {
            n = n.substring(1);
        }
        return n.replaceAll("[\\s]+", " ").strip();
    }
}
