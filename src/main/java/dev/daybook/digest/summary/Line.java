package dev.daybook.digest.summary;

import java.time.LocalDate;

/** One item of someone's update, with where it comes from: who wrote it, and the day it is filed under. */
public record Line(String userId, String person, LocalDate day, String text) {
}
