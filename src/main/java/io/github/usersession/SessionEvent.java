package io.github.usersession;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A CDI event about a session's lifecycle. Observe this type for all of them, or one subclass:
 * {@link SessionCreated}, {@link UserSignedIn}, {@link SessionDestroyed} or {@link SessionExpired}.
 *
 * <p>Events are fired synchronously in the request that caused them. They carry what an audit
 * log needs and nothing secret: the session ID only as a short prefix.
 */
public abstract sealed class SessionEvent permits SessionCreated, UserSignedIn, SessionDestroyed, SessionExpired {

    private final String sessionIdPrefix;
    private final String userId;
    private final Instant time;

    SessionEvent(String sessionIdPrefix, String userId, Instant time) {
        this.sessionIdPrefix = Objects.requireNonNull(sessionIdPrefix, "sessionIdPrefix must not be null");
        this.userId = userId;
        this.time = Objects.requireNonNull(time, "time must not be null");
    }

    /** The first characters of the session ID, enough to match log lines, too few to use the session. */
    public String sessionIdPrefix() {
        return sessionIdPrefix;
    }

    /** The signed-in user; empty for a guest session. */
    public Optional<String> userId() {
        return Optional.ofNullable(userId);
    }

    public Instant time() {
        return time;
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[session=" + sessionIdPrefix + ", user=" + userId + ", time=" + time + "]";
    }
}
