package io.github.usersession;

import java.time.Instant;
import java.util.List;

/**
 * Finds and removes sessions by user: implemented by stores that keep sessions on the server,
 * and used by {@link UserSessions}.
 */
public interface SessionIndex {

    /**
     * Returns the live sessions of a user, expired ones left out.
     *
     * @param userId the user's ID
     * @param now the current time
     * @return the sessions, without their attributes and flashes, in no particular order
     * @throws SessionStoreException when the backend cannot be reached
     */
    List<StoredSession> findByUser(String userId, Instant now);

    /**
     * Removes the sessions of a user.
     *
     * @param userId the user's ID
     * @param keepSessionId the ID of a session to keep, or {@code null} to remove all
     * @return the number of sessions removed
     * @throws SessionStoreException when the backend cannot be reached
     */
    int deleteByUser(String userId, String keepSessionId);
}
