package io.github.usersession.state;

import java.util.List;
import java.util.Objects;

/**
 * The session cookie and connection facts of a request, as the request filter read them.
 *
 * @param cookieValues the session cookie values, in the order the client sent them; a value split
 *                     over chunk cookies comes joined
 * @param chunksSent the number of chunk cookies ({@code name.1}, {@code name.2}, ...) sent
 * @param secure whether the request came over HTTPS, directly or through a trusted proxy
 * @param contextPath the application's context path, the cookie's default path
 */
public record SessionRequest(List<String> cookieValues, int chunksSent, boolean secure, String contextPath) {

    public SessionRequest {
        cookieValues = List.copyOf(cookieValues);
        Objects.requireNonNull(contextPath, "contextPath must not be null");
        contextPath = contextPath.isEmpty() ? "/" : contextPath;
    }
}
