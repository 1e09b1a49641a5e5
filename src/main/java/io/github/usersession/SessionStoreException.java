package io.github.usersession;

/**
 * Thrown when a session store cannot load or save a session because its backend failed.
 *
 * <p>The web layer answers such a request with HTTP 503 (Service Unavailable); the cause is
 * attached and logged once.
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
