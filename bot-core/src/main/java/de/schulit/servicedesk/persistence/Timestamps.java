package de.schulit.servicedesk.persistence;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Instants as the database keeps them: H2 and PostgreSQL store microseconds, so every instant is truncated to
 * microseconds before it is stored, and what an adapter returns equals what it later reads back.
 */
final class Timestamps {

    private static final Duration RESOLUTION = Duration.of(1, ChronoUnit.MICROS);

    private Timestamps() {
    }

    /** The application's clock if there is exactly one, else the system clock; ticking in microseconds. */
    static Clock clock(ObjectProvider<Clock> clock) {
        return Clock.tick(clock.getIfUnique(Clock::systemUTC), RESOLUTION);
    }

    static Instant stored(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.MICROS);
    }
}
