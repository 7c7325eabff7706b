package dev.daybook.support;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/** Instants as JDBC parameters for {@code timestamp with time zone} columns, the same on H2 and PostgreSQL. */
public final class Timestamps {

    private Timestamps() {
    }

    public static OffsetDateTime of(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
