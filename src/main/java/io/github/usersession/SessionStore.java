package io.github.usersession;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Keeps sessions between requests: the service provider interface of usersession.
 *
 * <p>To add a store, implement this interface as an application-scoped CDI bean with a
 * {@link StoreName @StoreName} (or {@code @Named}) qualifier, and set {@code usersession.store} to
 * that name. The built-in stores are named {@code memory} and {@code cookie}.
 *
 * <p>The library calls a store from the request's thread: {@code load} for up to three cookie
 * values, {@code takeFlashes} when the application reads the flashes, at most one {@code save},
 * and {@code delete} on logout or expiry. Implementations must be thread-safe, because parallel requests of the same session
 * call them at the same time. The library checks the expiry ({@code usersession.max-age} and
 * {@code usersession.idle-timeout}) of every loaded session itself, so {@code load} may return
 * an expired session; a store should still drop expired sessions so that they do not pile up.
 *
 * <p>Untrusted input (an unknown, malformed or forged cookie value) is never an error: the
 * store returns an empty result. A failure of the store's backend is a
 * {@link SessionStoreException}, which the web layer turns into HTTP 503.
 */
public interface SessionStore {

    /**
     * Loads the session that a cookie value points to.
     *
     * @param cookieValue the value of the session cookie, as the client sent it; never null
     * @param now the current time
     * @return the session, or empty when the value is unknown, invalid or expired
     * @throws SessionStoreException when the backend cannot be reached
     */
    Optional<StoredSession> load(String cookieValue, Instant now);

    /**
     * Saves the changes of one request.
     *
     * <p>When {@link SessionChanges#previousId()} is present and the store no longer has a live
     * session under that ID (it expired, or a parallel request destroyed it or gave it a new ID),
     * the store must not bring it back and returns empty. It may apply the changes to the session
     * under its new ID, but must not return that ID: the client of this request may be the one
     * who planted the old ID before the user signed in.
     *
     * @param changes what the request changed, and the resulting session
     * @param now the current time
     * @return the cookie value to send to the client, or empty to leave the client's cookie as it is
     * @throws SessionStoreException when the backend cannot be reached
     * @throws SessionTooLargeException when the session does not fit the store's limit
     */
    Optional<String> save(SessionChanges changes, Instant now);

    /**
     * Removes and returns the queued flashes of a stored session that a page shows, in one atomic
     * step, so that two parallel requests never both show the same flash, and a flash queued in
     * parallel is never lost. A page shows the flashes whose {@link Flash#page()} is empty or
     * equal to its path; the others stay queued.
     *
     * <p>The default returns empty: the store cannot do this, and the library instead removes
     * the flashes a request showed when it saves that request's changes.
     *
     * @param sessionId the ID of the stored session
     * @param page the path of the page, as {@link Flash#isFor(String)} takes it
     * @param now the current time
     * @return the flashes, oldest first, as a list that is empty when the session has none or no
     *         longer exists. The optional is empty when the store does not take flashes atomically.
     * @throws SessionStoreException when the backend cannot be reached
     */
    default Optional<List<Flash>> takeFlashes(String sessionId, String page, Instant now) {
        return Optional.empty();
    }

    /**
     * Tells whether the store's backend responds, for readiness checks. The default returns true.
     */
    default boolean isAvailable() {
        return true;
    }

    /**
     * Removes a session. Removing a session that does not exist does nothing.
     *
     * @param sessionId the ID of the session to remove
     * @throws SessionStoreException when the backend cannot be reached
     */
    void delete(String sessionId);
}
