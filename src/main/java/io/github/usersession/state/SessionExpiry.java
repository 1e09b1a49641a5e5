package io.github.usersession.state;

import java.time.Duration;
import java.time.Instant;

import io.github.usersession.StoredSession;
import io.github.usersession.config.SessionSettings;

/**
 * The expiry rules of every store: a session ends {@code usersession.max-age} after its creation
 * and, when {@code usersession.idle-timeout} is set, that long after its last recorded access,
 * whichever comes first.
 */
public final class SessionExpiry {

    private final Duration maxAge;
    private final Duration idleTimeout;
    private final Duration touchInterval;

    public SessionExpiry(Duration maxAge, Duration idleTimeout, Duration touchInterval) {
        this.maxAge = maxAge;
        this.idleTimeout = idleTimeout;
        this.touchInterval = touchInterval;
    }

    public static SessionExpiry of(SessionSettings settings) {
        return new SessionExpiry(settings.maxAge(), settings.idleTimeout(), settings.idleTouchInterval());
    }

    /** Returns the instant from which the session counts as expired. */
    public Instant expiresAt(StoredSession session) {
        Instant absolute = session.created().plus(maxAge);
        if (idleTimeout.isZero()) {
            return absolute;
        }
        Instant idle = session.lastAccessed().plus(idleTimeout);
        return idle.isBefore(absolute) ? idle : absolute;
    }

    public boolean isExpired(StoredSession session, Instant now) {
        return !now.isBefore(expiresAt(session));
    }

    /**
     * Tells whether a request that does not change the session should still record an access,
     * so that an idle timeout slides: true once the touch interval has passed since the last one.
     */
    public boolean needsTouch(StoredSession session, Instant now) {
        return !idleTimeout.isZero() && !now.isBefore(session.lastAccessed().plus(touchInterval));
    }

    /** Returns the cookie {@code Max-Age} that makes the browser drop the cookie when the session expires. */
    public long remainingSeconds(StoredSession session, Instant now) {
        return Math.max(1, Duration.between(now, expiresAt(session)).getSeconds());
    }
}
