package io.github.usersession;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An immutable snapshot of one session as a {@link SessionStore} keeps it.
 *
 * <p>The user ID and the flashes are kept apart from the attributes, so no attribute key can
 * clash with them. Instances are thread-safe.
 */
public final class StoredSession {

    private final String id;
    private final String userId;
    private final Map<String, String> attributes;
    private final List<Flash> flashes;
    private final Instant created;
    private final Instant lastAccessed;

    /**
     * Creates a snapshot.
     *
     * @param id the session ID, not null
     * @param userId the signed-in user, or {@code null} for a guest
     * @param attributes the key/value data, copied
     * @param flashes the queued flashes in order, copied
     * @param created when the session was created
     * @param lastAccessed when the session was last saved
     */
    public StoredSession(String id, String userId, Map<String, String> attributes, List<Flash> flashes,
                         Instant created, Instant lastAccessed) {
        this.id = Objects.requireNonNull(id, "id must not be null");
        this.userId = userId;
        this.attributes = Map.copyOf(Objects.requireNonNull(attributes, "attributes must not be null"));
        this.flashes = List.copyOf(Objects.requireNonNull(flashes, "flashes must not be null"));
        this.created = Objects.requireNonNull(created, "created must not be null");
        this.lastAccessed = Objects.requireNonNull(lastAccessed, "lastAccessed must not be null");
    }

    /**
     * Creates an empty guest session.
     *
     * @param id the new session ID
     * @param now the creation time
     * @return a session with no user, no attributes and no flashes
     */
    public static StoredSession empty(String id, Instant now) {
        return new StoredSession(id, null, Map.of(), List.of(), now, now);
    }

    public String id() {
        return id;
    }

    /** The signed-in user's ID; empty for a guest. */
    public Optional<String> userId() {
        return Optional.ofNullable(userId);
    }

    /** The key/value data, unmodifiable. */
    public Map<String, String> attributes() {
        return attributes;
    }

    /** The queued flashes, oldest first, unmodifiable. */
    public List<Flash> flashes() {
        return flashes;
    }

    public Instant created() {
        return created;
    }

    public Instant lastAccessed() {
        return lastAccessed;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof StoredSession that
                && id.equals(that.id)
                && Objects.equals(userId, that.userId)
                && attributes.equals(that.attributes)
                && flashes.equals(that.flashes)
                && created.equals(that.created)
                && lastAccessed.equals(that.lastAccessed);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, userId, attributes, flashes, created, lastAccessed);
    }

    /** Describes the session without its ID, user ID or values, so it is safe to log. */
    @Override
    public String toString() {
        return "StoredSession[attributes=" + attributes.size() + ", flashes=" + flashes.size()
                + ", created=" + created + ", lastAccessed=" + lastAccessed + "]";
    }
}
