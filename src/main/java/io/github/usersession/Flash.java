package io.github.usersession;

import java.util.Objects;

/**
 * A one-time message for the user, shown on a following page and then removed.
 *
 * <p>The kind is a free string so that views can map it to the classes of any CSS framework
 * ({@code success}, {@code info}, {@code warning}, {@code danger}, ...).
 *
 * <p>A flash shows on the next page that renders flashes, whatever that page is. A flash made
 * with {@link #forPage(String)} waits for one page instead: pages with another path leave it
 * queued.
 *
 * @param kind the message kind, not blank, at most {@value #MAX_KIND_LENGTH} characters
 * @param message the text to show, not null
 * @param page the path of the page that shows the flash, as in {@link #forPage(String)}; empty
 *             for any page
 */
public record Flash(String kind, String message, String page) {

    /** Maximum length of a kind and of a page path, so that every store can keep them. */
    public static final int MAX_KIND_LENGTH = 255;

    /** Kind used by {@link #of(String)}. */
    public static final String SUCCESS = "success";

    /** The page of a flash that any page shows. */
    public static final String ANY_PAGE = "";

    public Flash {
        Objects.requireNonNull(kind, "kind must not be null");
        Objects.requireNonNull(message, "message must not be null");
        Objects.requireNonNull(page, "page must not be null");
        if (kind.isBlank()) {
            throw new IllegalArgumentException("kind must not be blank");
        }
        if (kind.length() > MAX_KIND_LENGTH) {
            throw new IllegalArgumentException("kind must have at most " + MAX_KIND_LENGTH + " characters: "
                    + kind.length() + " characters given");
        }
        page = normalizePage(page);
    }

    /**
     * Creates a flash that any page shows.
     *
     * @param kind the message kind, not blank
     * @param message the text to show, not null
     */
    public Flash(String kind, String message) {
        this(kind, message, ANY_PAGE);
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

    /** Returns the page path; for Expression Language 5, like {@link #getKind()}. */
    public String getPage() {
        return page;
    }

    /**
     * Returns this flash for one page only: it stays queued until a page with that path renders
     * the flashes.
     *
     * <p>The path is the one a JAX-RS resource matches, relative to the application path, as in a
     * Jakarta MVC {@code redirect:} view: {@code forPage("/cart")} for the controller method
     * at {@code @Path("cart")}. The leading slash may be left out, and a trailing one does not
     * count. A query string is not part of a page's path.
     *
     * @param path the page's path, such as {@code /cart}
     * @return a copy of this flash for that page
     * @throws IllegalArgumentException when the path is empty, contains {@code ?} or {@code #}, or
     *         has more than {@value #MAX_KIND_LENGTH} characters
     */
    public Flash forPage(String path) {
        Objects.requireNonNull(path, "path must not be null");
        if (path.isEmpty()) {
            throw new IllegalArgumentException("path must not be empty; use a flash without forPage for any page");
        }
        return new Flash(kind, message, path);
    }

    /**
     * Tells whether a page with the given path shows this flash.
     *
     * @param path the page's path relative to the application path, like {@link #forPage(String)}
     */
    public boolean isFor(String path) {
        Objects.requireNonNull(path, "path must not be null");
        return page.isEmpty() || page.equals(withoutTrailingSlash(path));
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

    /**
     * Brings a page path to the form flashes keep: empty, or starting with one slash and without
     * a trailing one.
     *
     * @throws IllegalArgumentException when the path contains a query or fragment, or is too long
     */
    public static String normalizePage(String path) {
        if (path.isEmpty()) {
            return ANY_PAGE;
        }
        if (path.indexOf('?') >= 0 || path.indexOf('#') >= 0) {
            throw new IllegalArgumentException("page must be a path without query string or fragment: " + path);
        }
        String normalized = withoutTrailingSlash(path.charAt(0) == '/' ? path : "/" + path);
        if (normalized.length() > MAX_KIND_LENGTH) {
            throw new IllegalArgumentException("page must have at most " + MAX_KIND_LENGTH + " characters: "
                    + normalized.length() + " characters given");
        }
        return normalized;
    }

    private static String withoutTrailingSlash(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
