package io.github.usersession.config;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Secret key material, such as {@code usersession.secret}. Its {@link #toString()} shows only the
 * length, so logging the object does not print the secret.
 */
public final class Secret {

    private static final Secret NONE = new Secret(new byte[0]);

    private final byte[] bytes;

    private Secret(byte[] bytes) {
        this.bytes = bytes;
    }

    /** Creates a secret from its configured text, taking its UTF-8 bytes. */
    public static Secret of(String text) {
        return new Secret(text.getBytes(StandardCharsets.UTF_8));
    }

    /** Returns the empty secret, for a key that is not set. */
    public static Secret none() {
        return NONE;
    }

    public boolean isPresent() {
        return bytes.length > 0;
    }

    /** The length in bytes. */
    public int length() {
        return bytes.length;
    }

    /** Returns a copy of the key material. */
    public byte[] bytes() {
        return bytes.clone();
    }

    /** Masks a configured secret for a message: its length only. */
    public static String mask(String text) {
        return "<" + text.getBytes(StandardCharsets.UTF_8).length + " bytes, hidden>";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret that && Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return isPresent() ? "Secret[" + bytes.length + " bytes, hidden]" : "Secret[none]";
    }
}
