package io.github.usersession.state;

import java.util.Objects;
import java.util.Optional;

/**
 * The change a response makes to the session cookie: a new value, or an expiry.
 *
 * @param value the new cookie value; empty to expire the cookie
 * @param maxAgeSeconds the cookie's remaining lifetime in seconds; 0 when expiring
 */
public record CookieUpdate(Optional<String> value, long maxAgeSeconds) {

    public CookieUpdate {
        Objects.requireNonNull(value, "value must not be null");
    }

    static CookieUpdate set(String value, long maxAgeSeconds) {
        return new CookieUpdate(Optional.of(value), maxAgeSeconds);
    }

    static CookieUpdate expire() {
        return new CookieUpdate(Optional.empty(), 0);
    }

    public boolean expires() {
        return value.isEmpty();
    }
}
