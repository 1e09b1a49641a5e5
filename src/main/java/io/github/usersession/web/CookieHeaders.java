package io.github.usersession.web;

import static io.github.usersession.log.MessageCodes.SESSION_NEAR_LIMIT;
import static io.github.usersession.log.MessageCodes.SESSION_TOO_LARGE;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.jboss.logging.Logger;

import io.github.usersession.SessionTooLargeException;
import io.github.usersession.config.SecureMode;
import io.github.usersession.config.SessionSettings;
import io.github.usersession.state.CookieUpdate;
import io.github.usersession.state.SessionRequest;

/**
 * Writes the {@code Set-Cookie} headers for a session cookie, splitting a long value over chunk
 * cookies ({@code name}, {@code name.1}, ...) so that no header passes the 4096 bytes that
 * browsers keep for one cookie's name, value and attributes.
 */
final class CookieHeaders {

    /** Maximum size in bytes that browsers keep for one cookie: name, value and attributes (RFC 6265, section 6.1). */
    static final int MAX_COOKIE_BYTES = 4096;

    /** The share of the capacity past which a session is logged as close to the limit. */
    static final double WARN_RATIO = 0.8;

    private static final Logger LOG = Logger.getLogger(CookieHeaders.class);
    private static final String EXPIRED = "Thu, 01 Jan 1970 00:00:00 GMT";
    private static final AtomicBoolean WARNED = new AtomicBoolean();

    private CookieHeaders() {
    }

    /**
     * Builds the headers for an update: the value in as few chunks as fit, and expiries for chunks
     * the request sent that the new value no longer needs. An expiring cookie gets the same name,
     * path, domain, {@code Secure} and {@code SameSite} as a written one, so browsers drop it.
     *
     * @throws SessionTooLargeException when the value needs more than {@code usersession.cookie.max-chunks} cookies
     */
    static List<String> setCookies(CookieUpdate update, SessionSettings settings, SessionRequest request) {
        if (update.expires()) {
            return expiries(settings, request, 0);
        }

        String value = update.value().orElseThrow();
        String attributes = attributes(settings, request, update.maxAgeSeconds(), false);
        List<String> headers = new ArrayList<>();
        int offset = 0;
        int chunk = 0;
        while (offset < value.length() || chunk == 0) {
            String name = chunkName(settings.cookieName(), chunk);
            int budget = MAX_COOKIE_BYTES - name.length() - 1 - attributes.length();
            int end = Math.min(value.length(), offset + budget);
            headers.add(name + "=" + value.substring(offset, end) + attributes);
            offset = end;
            chunk++;
        }

        checkSize(value.length(), headers.size(), settings, attributes);
        headers.addAll(expiries(settings, request, headers.size()).stream()
                .filter(header -> !header.startsWith(settings.cookieName() + "="))
                .toList());
        return headers;
    }

    private static void checkSize(int valueLength, int chunks, SessionSettings settings, String attributes) {
        int capacity = capacity(settings, attributes);
        if (chunks > settings.maxChunks()) {
            throw new SessionTooLargeException(SESSION_TOO_LARGE + ": The session needs a cookie value of "
                    + valueLength + " bytes, more than the " + capacity + " bytes that usersession.cookie.max-chunks="
                    + settings.maxChunks() + " cookies hold; the session was not changed. Keep less data in the"
                    + " session, raise usersession.cookie.max-chunks, or use a server-side store.",
                    valueLength, capacity);
        }
        if (valueLength > capacity * WARN_RATIO && WARNED.compareAndSet(false, true)) {
            LOG.warnf("%s: A session cookie value of %d bytes used more than %d %% of the %d bytes that"
                    + " usersession.cookie.max-chunks=%d cookies hold. Keep less data in the session before writes"
                    + " start to fail. This is logged once.", SESSION_NEAR_LIMIT, valueLength,
                    Math.round(WARN_RATIO * 100), capacity, settings.maxChunks());
        }
    }

    /** Returns the value bytes that {@code max-chunks} cookies hold with these attributes. */
    static int capacity(SessionSettings settings, String attributes) {
        int capacity = 0;
        for (int chunk = 0; chunk < settings.maxChunks(); chunk++) {
            capacity += MAX_COOKIE_BYTES - chunkName(settings.cookieName(), chunk).length() - 1 - attributes.length();
        }
        return capacity;
    }

    /** Expires the main cookie (when {@code from} is 0) and every chunk from {@code from} to the highest sent. */
    private static List<String> expiries(SessionSettings settings, SessionRequest request, int from) {
        String attributes = attributes(settings, request, 0, true);
        List<String> headers = new ArrayList<>();
        for (int chunk = from; chunk <= request.chunksSent(); chunk++) {
            headers.add(chunkName(settings.cookieName(), chunk) + "=" + attributes);
        }
        return headers;
    }

    static String chunkName(String name, int chunk) {
        return chunk == 0 ? name : name + "." + chunk;
    }

    private static String attributes(SessionSettings settings, SessionRequest request, long maxAgeSeconds,
                                     boolean expired) {
        StringBuilder attributes = new StringBuilder();
        attributes.append("; Path=").append(settings.configuredCookiePath().orElse(request.contextPath()));
        settings.configuredCookieDomain().ifPresent(domain -> attributes.append("; Domain=").append(domain));
        attributes.append("; Max-Age=").append(maxAgeSeconds);
        if (expired) {
            attributes.append("; Expires=").append(EXPIRED);
        }
        if (isSecure(settings.secure(), request.secure())) {
            attributes.append("; Secure");
        }
        if (settings.httpOnly()) {
            attributes.append("; HttpOnly");
        }
        attributes.append("; SameSite=").append(settings.sameSite().attributeValue());
        return attributes.toString();
    }

    private static boolean isSecure(SecureMode mode, boolean secureRequest) {
        return mode == SecureMode.TRUE || (mode == SecureMode.AUTO && secureRequest);
    }
}
