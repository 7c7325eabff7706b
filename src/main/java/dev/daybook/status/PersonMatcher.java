package dev.daybook.status;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.daybook.people.PersonProfile;

/**
 * Finds the person a question is about: a mention ({@code <@U123>}), their display name, their first
 * name, or either with a typo or two in names of five characters or more. Pure: the caller gives the
 * people of the workspace.
 */
public final class PersonMatcher {

    private static final Pattern MENTION = Pattern.compile("^<@([UW][A-Z0-9]+)(?:\\|[^>]*)?>$");
    private static final int TYPO_MIN_LENGTH = 5;
    private static final int MAX_TYPOS = 2;

    private PersonMatcher() {
    }

    /** The mentioned user id, when the phrase is a mention; it need not be someone Daybook knows yet. */
    public static String mentioned(String phrase) {
        Matcher m = MENTION.matcher(phrase == null ? "" : phrase.strip());
        return m.matches() ? m.group(1) : null;
    }

    /** Everyone the phrase may mean, best kind of match only. */
    public static List<PersonProfile> match(String phrase, List<PersonProfile> people) {
        if (phrase == null || phrase.isBlank()) {
            return List.of();
        }
        String id = mentioned(phrase);
        if (id != null) {
            return people.stream().filter(p -> p.userId().equals(id)).toList();
        }
        String wanted = normalise(phrase);
        List<PersonProfile> named = people.stream().filter(p -> p.displayName() != null).toList();
        List<PersonProfile> exact = named.stream().filter(p -> normalise(p.displayName()).equals(wanted)).toList();
        if (!exact.isEmpty()) {
            return exact;
        }
        List<PersonProfile> first = named.stream().filter(p -> firstName(p).equals(wanted)).toList();
        if (!first.isEmpty()) {
            return first;
        }
        if (wanted.length() < TYPO_MIN_LENGTH) {
            return List.of();
        }
        int best = MAX_TYPOS + 1;
        List<PersonProfile> close = new ArrayList<>();
        for (PersonProfile p : named) {
            int d = Math.min(ProjectMatcher.distance(wanted, normalise(p.displayName())),
                    firstName(p).length() >= TYPO_MIN_LENGTH ? ProjectMatcher.distance(wanted, firstName(p))
                            : Integer.MAX_VALUE);
            if (d < best) {
                best = d;
                close.clear();
            }
            if (d == best && d <= MAX_TYPOS) {
                close.add(p);
            }
        }
        return close;
    }

    private static String firstName(PersonProfile p) {
        String n = normalise(p.displayName());
        int space = n.indexOf(' ');
        return space < 0 ? n : n.substring(0, space);
    }

    private static String normalise(String name) {
        String n = name.strip().toLowerCase(Locale.ROOT);
        if (n.startsWith("@")) {
            n = n.substring(1);
        }
        if (n.endsWith("'s") || n.endsWith("’s")) {
            n = n.substring(0, n.length() - 2);
        }
        return n.replaceAll("\\s+", " ").strip();
    }
}
