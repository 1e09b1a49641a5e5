package io.github.usersession;

import java.time.Instant;

/** A user signed in: the session got a new ID, whose prefix this event carries. */
public final class UserSignedIn extends SessionEvent {

    /**
     * Creates the event.
     *
     * @param sessionIdPrefix the first characters of the session ID
     * @param userId the signed-in user, or {@code null} for a guest
     * @param time when it happened
     */
    public UserSignedIn(String sessionIdPrefix, String userId, Instant time) {
        super(sessionIdPrefix, userId, time);
    }
}
