package dev.daybook.digest.summary;

/** Someone who posted in the week, and on how many days. */
public record Poster(String userId, String person, int days) {
}
