package io.github.usersession.state;

import java.time.Clock;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

/** The time source of all expiry decisions; tests replace it with an alternative bean. */
@ApplicationScoped
public class SessionClock {

    private final Clock clock;

    public SessionClock() {
        this(Clock.systemUTC());
    }

    protected SessionClock(Clock clock) {
        this.clock = clock;
    }

    public Instant now() {
        return clock.instant();
    }
}
