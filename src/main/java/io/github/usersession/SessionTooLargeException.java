package io.github.usersession;

/**
 * Thrown when a session is too large for its store, for example for the cookie store when the
 * sealed session would not fit into a browser cookie. The session stays as it was before the
 * request.
 */
public class SessionTooLargeException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int size;
    private final int limit;

    public SessionTooLargeException(String message, int size, int limit) {
        super(message);
        this.size = size;
        this.limit = limit;
    }

    /** The size the session would have needed, in bytes. */
    public int size() {
        return size;
    }

    /** The store's limit, in bytes. */
    public int limit() {
        return limit;
    }
}
