package dev.daybook.updates;

import java.util.Set;

/**
 * The projects someone posted in lately ({@code active}) and those in which they have an update for
 * one day ({@code postedOn}): what a reminder needs to know, read in one query.
 */
public record AuthorProjects(Set<Long> active, Set<Long> postedOn) {

    public AuthorProjects {
        active = Set.copyOf(active);
        postedOn = Set.copyOf(postedOn);
    }
}
