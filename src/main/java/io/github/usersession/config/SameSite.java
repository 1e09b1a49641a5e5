package io.github.usersession.config;

import java.util.Locale;
import java.util.Optional;

/** Values of the cookie's {@code SameSite} attribute ({@code usersession.cookie.same-site}). */
public enum SameSite {

    /**
     * The browser sends the cookie only with requests started by this site. Safest against
     * cross-site request forgery, but a user following a link from another site arrives signed out.
     */
    STRICT("Strict"),

    /**
     * The browser also sends the cookie on top-level navigation from other sites (a followed link),
     * but not with cross-site subrequests or form posts. The default: safe for most applications.
     */
    LAX("Lax"),

    /**
     * The browser sends the cookie with every request, also cross-site. Needs {@code Secure};
     * choose it only for applications embedded in other sites, with their own CSRF protection.
     */
    NONE("None");

    private final String attributeValue;

    SameSite(String attributeValue) {
        this.attributeValue = attributeValue;
    }

    /** The value as written in {@code Set-Cookie}. */
    public String attributeValue() {
        return attributeValue;
    }

    static Optional<SameSite> parse(String value) {
        for (SameSite candidate : values()) {
            if (candidate.attributeValue.toLowerCase(Locale.ROOT).equals(value.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
