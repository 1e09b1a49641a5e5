package io.github.usersession;

import java.time.Instant;

/** A request brought a session past {@code usersession.max-age} or {@code usersession.idle-timeout}; it was removed and the request continued as a guest. */
public final class SessionExpired extends SessionEvent {

    /**
     * Creates the event.
     *
     * @param sessionIdPrefix the first characters of the session ID
     * @param userId the signed-in user, or {@code null} for a guest
     * @param time when it happened
     */
    public SessionExpired(String sessionIdPrefix, String userId, Instant time) {
        super(sessionIdPrefix, userId, time);
    }
}
