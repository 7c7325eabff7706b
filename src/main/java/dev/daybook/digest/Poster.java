package dev.daybook.digest;

/** Someone who posted in the week, and on how many days. */
public record Poster(String userId, String person, int days) {
}
