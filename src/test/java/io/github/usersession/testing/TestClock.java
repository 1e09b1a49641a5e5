package io.github.usersession.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import io.github.usersession.state.SessionClock;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;

/** A clock that tests move forward by hand. */
@Alternative
@Priority(1)
@ApplicationScoped
public class TestClock extends SessionClock {

    public static final Instant START = Instant.parse("2026-06-01T12:00:00Z");

    private volatile Instant now = START;

    public TestClock() {
        super(Clock.systemUTC());
    }

    @Override
    public Instant now() {
        return now;
    }

    /** Sets the time, for stores whose server also expires keys by its own clock, such as Redis. */
    public void set(Instant instant) {
        now = instant;
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
    }
}
