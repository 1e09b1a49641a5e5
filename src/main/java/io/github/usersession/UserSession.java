package io.github.usersession;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.github.usersession.state.JsonValues;
import io.github.usersession.state.SessionAccess;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;

/**
 * The current user's session: inject it into JAX-RS resources, filters and CDI beans that serve
 * a request.
 *
 * <pre>{@code
 * @Inject UserSession session;
 *
 * session.setUserId(user.id());          // after login: the session gets a new ID
 * session.put("color", "red");
 * session.putObject("cart", cart);       // stored as JSON through JSON-B
 * session.flash(Flash.of("Welcome!"));   // shown once, on a following page
 * session.destroy();                     // logout
 * }</pre>
 *
 * <p>The session is loaded from the store when a method is first called in a request, and
 * saved when the response is written, only if something changed. A request that only reads
 * writes no cookie; a request that never calls this bean does not touch the store.
 *
 * <p>Keys and values are strings; {@link #putObject} stores any JSON-B-mappable object as its
 * JSON text under the same keys. The user ID and the flashes are kept apart from the keys.
 * No method accepts or returns {@code null}. Not thread-safe: use it from the request's thread.
 */
@RequestScoped
public class UserSession {

    /** Maximum length of a key and of a user ID, so that every store can index them. */
    public static final int MAX_NAME_LENGTH = 255;

    private final SessionAccess access;
    private final JsonValues json;

    @Inject
    UserSession(SessionAccess access, JsonValues json) {
        this.access = access;
        this.json = json;
    }

    /** Needed by CDI to create the client proxy. */
    protected UserSession() {
        this.access = null;
        this.json = null;
    }

    /** The signed-in user's ID; empty for a guest. */
    public Optional<String> userId() {
        return access.userId();
    }

    /**
     * Signs a user in. The session keeps its data but gets a new ID when it is saved, and the
     * old ID stops working, which protects against session fixation.
     *
     * @param userId the user's ID, not blank, at most {@value #MAX_NAME_LENGTH} characters
     */
    public void setUserId(String userId) {
        requireNotBlank(userId, "userId");
        access.signIn(userId);
    }

    /** Tells whether no user is signed in. */
    public boolean isGuest() {
        return userId().isEmpty();
    }

    /**
     * Stores a string value.
     *
     * @param key the key, not blank, at most {@value #MAX_NAME_LENGTH} characters
     * @param value the value, not null; use {@link #delete(String)} to remove a key
     */
    public void put(String key, String value) {
        requireNotBlank(key, "key");
        Objects.requireNonNull(value, "value must not be null");
        access.put(key, value);
    }

    /** Returns the value stored under a key, or empty. */
    public Optional<String> get(String key) {
        requireNotBlank(key, "key");
        return access.get(key);
    }

    /** Removes a key; removing a missing key does nothing. */
    public void delete(String key) {
        requireNotBlank(key, "key");
        access.delete(key);
    }

    /**
     * Stores an object as its JSON text (JSON-B), never with Java serialization.
     *
     * @param key the key, not blank
     * @param value an object that JSON-B can map, not null
     */
    public void putObject(String key, Object value) {
        requireNotBlank(key, "key");
        Objects.requireNonNull(value, "value must not be null");
        access.put(key, json.toJson(value));
    }

    /**
     * Reads an object stored with {@link #putObject(String, Object)}.
     *
     * @param key the key, not blank
     * @param type the type to read the JSON text as
     * @return the object, or empty when the key is missing
     * @throws IllegalStateException when the stored value is not a JSON form of the type
     */
    public <T> Optional<T> getObject(String key, Class<T> type) {
        requireNotBlank(key, "key");
        Objects.requireNonNull(type, "type must not be null");
        return access.get(key).map(text -> json.fromJson(text, type, key));
    }

    /**
     * Queues a flash for the next page that shows flashes, typically the page a redirect leads
     * to. Requests in between that show no flashes (JSON calls, assets, errors) leave it queued.
     * A flash made with {@link Flash#forPage(String)} waits for that page.
     *
     * <p>A session keeps at most {@code usersession.flash.max-queued} flashes (default 20); the
     * oldest are dropped beyond that.
     */
    public void flash(Flash flash) {
        Objects.requireNonNull(flash, "flash must not be null");
        access.addFlash(flash);
    }

    /**
     * Adds a flash for the view of this request only, like {@code flash.now} in Rails: for a page
     * that renders directly, such as a form shown again with an error. It is never stored, so a
     * following page does not show it.
     */
    public void flashNow(Flash flash) {
        Objects.requireNonNull(flash, "flash must not be null");
        access.addFlashNow(flash);
    }

    /**
     * Queues the flashes this request shows once more, so that the next page shows them too,
     * like {@code flash.keep} in Rails. Call it before or after the view reads them.
     */
    public void keepFlashes() {
        access.keepFlashes();
    }

    /**
     * Returns the flashes for this request's page, oldest first, and removes them from the
     * session; flashes for another page stay queued. Flashes of {@link #flashNow(Flash)} come
     * last. Views read the same list as {@code ${flashes}}.
     */
    public List<Flash> flashes() {
        return access.takeFlashes();
    }

    /**
     * Ends the session: removes the stored data now and expires the cookie. Writes after this
     * call start a new guest session.
     */
    public void destroy() {
        access.destroy();
    }

    private static void requireNotBlank(String value, String name) {
        Objects.requireNonNull(value, name + " must not be null");
        if (value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be blank");
        }
        if (value.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException(name + " must have at most " + MAX_NAME_LENGTH + " characters: "
                    + value.length() + " characters given");
        }
    }
}
