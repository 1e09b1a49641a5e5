package io.github.usersession;

import java.time.Instant;
import java.util.Objects;

/**
 * One session of a user, as {@link UserSessions#sessionsOf(String)} lists it: enough to show a
 * "your devices" page, nothing to take the session over with.
 *
 * @param idPrefix the first characters of the session ID
 * @param created when the session was created
 * @param lastAccessed when the session was last saved or touched
 * @param current whether this is the session of the current request
 */
public record SessionInfo(String idPrefix, Instant created, Instant lastAccessed, boolean current) {

    public SessionInfo {
        Objects.requireNonNull(idPrefix, "idPrefix must not be null");
        Objects.requireNonNull(created, "created must not be null");
        Objects.requireNonNull(lastAccessed, "lastAccessed must not be null");
    }
}
