package io.github.usersession.state;

import java.util.List;
import java.util.Objects;

import io.github.usersession.Flash;

/**
 * The session cookie and connection facts of a request, as the request filter read them.
 *
 * @param cookieValues the session cookie values, in the order the client sent them; a value split
 *                     over chunk cookies comes joined
 * @param chunksSent the number of chunk cookies ({@code name.1}, {@code name.2}, ...) sent
 * @param secure whether the request came over HTTPS, directly or through a trusted proxy
 * @param contextPath the application's context path, the cookie's default path
 * @param page the request's path relative to the JAX-RS application path, which
 *             {@link Flash#forPage(String)} compares with; {@code /} for the root
 * @param requestPath the request's full path as the client sent it, for log lines
 * @param method the HTTP method
 */
public record SessionRequest(List<String> cookieValues, int chunksSent, boolean secure, String contextPath,
                             String page, String requestPath, String method) {

    public SessionRequest {
        cookieValues = List.copyOf(cookieValues);
        Objects.requireNonNull(contextPath, "contextPath must not be null");
        Objects.requireNonNull(page, "page must not be null");
        Objects.requireNonNull(requestPath, "requestPath must not be null");
        Objects.requireNonNull(method, "method must not be null");
        contextPath = contextPath.isEmpty() ? "/" : contextPath;
        page = toPage(page);
    }

    /** Creates the facts of a GET request for the application's root page. */
    public SessionRequest(List<String> cookieValues, int chunksSent, boolean secure, String contextPath) {
        this(cookieValues, chunksSent, secure, contextPath, "/", contextPath, "GET");
    }

    /**
     * Tells whether the client gets no body, so that a page it requests shows the flashes
     * without removing them: a {@code HEAD} request.
     */
    public boolean isWithoutBody() {
        return "HEAD".equalsIgnoreCase(method);
    }

    /** Turns a JAX-RS path, which may lack the leading slash, into the form flash pages use. */
    private static String toPage(String path) {
        String rooted = path.startsWith("/") ? path : "/" + path;
        return rooted.length() > 1 && rooted.endsWith("/") ? rooted.substring(0, rooted.length() - 1) : rooted;
    }
}
