package io.github.usersession;

import java.util.Objects;

/**
 * A one-time message for the user, shown on a following page and then removed.
 *
 * <p>The kind is a free string so that views can map it to the classes of any CSS framework
 * ({@code success}, {@code info}, {@code warning}, {@code danger}, ...).
 *
 * @param kind the message kind, not blank, at most {@value #MAX_KIND_LENGTH} characters
 * @param message the text to show, not null
 */
public record Flash(String kind, String message) {

    /** Maximum length of a kind, so that every store can keep it. */
    public static final int MAX_KIND_LENGTH = 255;

    /** Kind used by {@link #of(String)}. */
    public static final String SUCCESS = "success";

    public Flash {
        Objects.requireNonNull(kind, "kind must not be null");
        Objects.requireNonNull(message, "message must not be null");
        if (kind.isBlank()) {
            throw new IllegalArgumentException("kind must not be blank");
        }
        if (kind.length() > MAX_KIND_LENGTH) {
            throw new IllegalArgumentException("kind must have at most " + MAX_KIND_LENGTH + " characters: "
                    + kind.length() + " characters given");
        }
    }

    /**
     * Returns the kind. For Expression Language 5 (Jakarta EE 10), which reads JavaBean
     * properties but not record components, so that views can write {@code ${flash.kind}}.
     */
    public String getKind() {
        return kind;
    }

    /** Returns the message; for Expression Language 5, like {@link #getKind()}. */
    public String getMessage() {
        return message;
    }

    /**
     * Creates a flash of kind {@value #SUCCESS}.
     *
     * @param message the text to show, not null
     * @return the flash
     */
    public static Flash of(String message) {
        return new Flash(SUCCESS, message);
    }

    /**
     * Creates a flash of the given kind.
     *
     * @param kind the message kind, not blank
     * @param message the text to show, not null
     * @return the flash
     */
    public static Flash of(String kind, String message) {
        return new Flash(kind, message);
    }
}
