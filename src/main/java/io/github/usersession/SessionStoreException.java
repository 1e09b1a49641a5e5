package io.github.usersession;

/**
 * Thrown when a session store cannot load or save a session because its backend failed.
 *
 * <p>The web layer returns HTTP 503 (Service Unavailable) for such a request. The cause is
 * attached, and the tracker logs it once per outage.
 */
public class SessionStoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public SessionStoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public SessionStoreException(String message) {
        super(message);
    }
}
