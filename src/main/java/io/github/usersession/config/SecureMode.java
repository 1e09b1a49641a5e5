package io.github.usersession.config;

import java.util.Locale;
import java.util.Optional;

/** When the cookie gets the {@code Secure} attribute ({@code usersession.cookie.secure}). */
public enum SecureMode {

    /** When the request came over HTTPS. The default: works in development over plain HTTP. */
    AUTO,

    /** Always. Choose it in production behind TLS, so that a plain HTTP request never gets the cookie. */
    TRUE,

    /** Never. Only for tests: the cookie then travels in clear text. */
    FALSE;

    static Optional<SecureMode> parse(String value) {
        try {
            return Optional.of(valueOf(value.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
