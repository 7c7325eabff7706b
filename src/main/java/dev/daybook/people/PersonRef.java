package dev.daybook.people;

/** A person in a workspace. */
public record PersonRef(String teamId, String userId) {
}
