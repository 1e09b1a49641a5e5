package io.github.usersession;

import java.time.Instant;

/** A session was destroyed with {@link UserSession#destroy()}, usually at logout. */
public final class SessionDestroyed extends SessionEvent {

    /**
     * Creates the event.
     *
     * @param sessionIdPrefix the first characters of the session ID
     * @param userId the signed-in user, or {@code null} for a guest
     * @param time when it happened
     */
    public SessionDestroyed(String sessionIdPrefix, String userId, Instant time) {
        super(sessionIdPrefix, userId, time);
    }
}
