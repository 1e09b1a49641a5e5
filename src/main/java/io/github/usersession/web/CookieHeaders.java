package io.github.usersession.web;

import java.util.ArrayList;
import java.util.List;

import io.github.usersession.config.SecureMode;
import io.github.usersession.config.SessionSettings;
import io.github.usersession.state.CookieUpdate;

/** Reads the session cookie from {@code Cookie} headers and writes {@code Set-Cookie} headers. */
final class CookieHeaders {

    /** Cookies in a request beyond this are not looked at, so a flood of cookies costs little. */
    static final int MAX_PAIRS = 200;

    private static final String EXPIRED = "Thu, 01 Jan 1970 00:00:00 GMT";

    private CookieHeaders() {
    }

    /**
     * Returns the values of the named cookie in the order the client sent them. Values in double
     * quotes are unquoted; empty values are skipped.
     *
     * @param headers the values of all {@code Cookie} request headers
     * @param name the cookie name
     */
    static List<String> values(List<String> headers, String name) {
        List<String> values = new ArrayList<>();
        int pairs = 0;
        for (String header : headers) {
            for (String pair : header.split(";")) {
                if (++pairs > MAX_PAIRS) {
                    return values;
                }
                int equals = pair.indexOf('=');
                if (equals > 0 && pair.substring(0, equals).trim().equals(name)) {
                    String value = unquote(pair.substring(equals + 1).trim());
                    if (!value.isEmpty()) {
                        values.add(value);
                    }
                }
            }
        }
        return values;
    }

    private static String unquote(String value) {
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }

    /**
     * Builds the {@code Set-Cookie} header for an update. An expiring cookie gets the same name,
     * path, domain, {@code Secure} and {@code SameSite} as a written one, so browsers drop it.
     *
     * @param update the new value and lifetime, or an expiry
     * @param settings the cookie settings
     * @param secureRequest whether the request came over HTTPS
     * @param contextPath the path used when {@code usersession.cookie.path} is not set
     */
    static String setCookie(CookieUpdate update, SessionSettings settings, boolean secureRequest, String contextPath) {
        StringBuilder header = new StringBuilder(settings.cookieName()).append('=');
        update.value().ifPresent(header::append);

        header.append("; Path=").append(settings.configuredCookiePath().orElse(contextPath));
        settings.configuredCookieDomain().ifPresent(domain -> header.append("; Domain=").append(domain));
        header.append("; Max-Age=").append(update.maxAgeSeconds());
        if (update.expires()) {
            header.append("; Expires=").append(EXPIRED);
        }
        if (isSecure(settings.secure(), secureRequest)) {
            header.append("; Secure");
        }
        if (settings.httpOnly()) {
            header.append("; HttpOnly");
        }
        header.append("; SameSite=").append(settings.sameSite().attributeValue());
        return header.toString();
    }

    private static boolean isSecure(SecureMode mode, boolean secureRequest) {
        return mode == SecureMode.TRUE || (mode == SecureMode.AUTO && secureRequest);
    }
}
