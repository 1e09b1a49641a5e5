package io.github.usersession.state;

import java.security.SecureRandom;
import java.util.Base64;

/** Generates session IDs and shortens them for logs and events. */
public final class SessionIds {

    /** 256 random bits, so that guessing a valid ID is infeasible. */
    static final int ID_BYTES = 32;

    private static final int LOG_PREFIX_LENGTH = 6;
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private SessionIds() {
    }

    /** Returns a new random ID: 256 bits from {@link SecureRandom} in URL-safe Base64, 43 characters. */
    public static String newId() {
        byte[] bytes = new byte[ID_BYTES];
        RANDOM.nextBytes(bytes);
        return ENCODER.encodeToString(bytes);
    }

    /** Returns the first characters of an ID, enough to tell sessions apart in a log but useless to an attacker. */
    public static String prefix(String id) {
        return id.length() <= LOG_PREFIX_LENGTH ? "***" : id.substring(0, LOG_PREFIX_LENGTH) + "...";
    }
}
