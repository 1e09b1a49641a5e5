package io.github.usersession;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import org.jboss.logging.Logger;

/**
 * The changes one request made to a session, and the session as that request left it.
 *
 * <p>Server-side stores apply the delta ({@link #written()}, {@link #removed()}, the flashes
 * and the user ID) to what they hold now, so that parallel requests that change different keys
 * keep each other's writes. Client-side stores, which cannot merge, write {@link #result()}.
 */
public final class SessionChanges {

    private static final Logger LOG = Logger.getLogger(SessionChanges.class);

    /** The cap of {@link #SessionChanges(String, StoredSession, Map, Set, boolean, List, List)}: none. */
    public static final int NO_FLASH_LIMIT = Integer.MAX_VALUE;

    private final String previousId;
    private final StoredSession result;
    private final Map<String, String> written;
    private final Set<String> removed;
    private final boolean userIdChanged;
    private final List<Flash> addedFlashes;
    private final List<Flash> consumedFlashes;
    private final int maxQueuedFlashes;

    /**
     * Creates a change set.
     *
     * @param previousId the ID the session was loaded under, or {@code null} for a new session
     * @param result the session after this request's changes; its ID is new when the ID rotated
     * @param written keys put by this request, with their final values
     * @param removed keys deleted by this request and not put again afterwards
     * @param userIdChanged whether this request set the user ID
     * @param addedFlashes flashes queued by this request, oldest first
     * @param consumedFlashes flashes that were loaded and then read (and so removed) by this request
     */
    public SessionChanges(String previousId, StoredSession result, Map<String, String> written,
                          Set<String> removed, boolean userIdChanged, List<Flash> addedFlashes,
                          List<Flash> consumedFlashes) {
        this(previousId, result, written, removed, userIdChanged, addedFlashes, consumedFlashes, NO_FLASH_LIMIT);
    }

    /**
     * Creates a change set whose session keeps at most the given number of queued flashes.
     *
     * @param maxQueuedFlashes how many queued flashes the session keeps; when a save would keep
     *                         more, it drops the oldest ({@code usersession.flash.max-queued})
     * @see #SessionChanges(String, StoredSession, Map, Set, boolean, List, List)
     */
    public SessionChanges(String previousId, StoredSession result, Map<String, String> written,
                          Set<String> removed, boolean userIdChanged, List<Flash> addedFlashes,
                          List<Flash> consumedFlashes, int maxQueuedFlashes) {
        if (maxQueuedFlashes < 1) {
            throw new IllegalArgumentException("maxQueuedFlashes must be at least 1: " + maxQueuedFlashes);
        }
        this.previousId = previousId;
        this.result = Objects.requireNonNull(result, "result must not be null");
        this.written = Map.copyOf(Objects.requireNonNull(written, "written must not be null"));
        this.removed = Set.copyOf(Objects.requireNonNull(removed, "removed must not be null"));
        this.userIdChanged = userIdChanged;
        this.addedFlashes = List.copyOf(Objects.requireNonNull(addedFlashes, "addedFlashes must not be null"));
        this.consumedFlashes = List.copyOf(Objects.requireNonNull(consumedFlashes, "consumedFlashes must not be null"));
        this.maxQueuedFlashes = maxQueuedFlashes;
    }

    /** The ID the session was loaded under; empty when this request created the session. */
    public Optional<String> previousId() {
        return Optional.ofNullable(previousId);
    }

    /**
     * The session after this request's changes, not counting parallel requests. Its flashes may
     * pass {@link #maxQueuedFlashes()}: a store that writes it whole keeps only
     * {@link #capFlashes(List)} of them.
     */
    public StoredSession result() {
        return result;
    }

    /** Whether the session got a new ID in this request (after {@link UserSession#setUserId}). */
    public boolean idRotated() {
        return previousId != null && !previousId.equals(result.id());
    }

    public Map<String, String> written() {
        return written;
    }

    public Set<String> removed() {
        return removed;
    }

    public boolean userIdChanged() {
        return userIdChanged;
    }

    public List<Flash> addedFlashes() {
        return addedFlashes;
    }

    public List<Flash> consumedFlashes() {
        return consumedFlashes;
    }

    /** Returns the maximum number of queued flashes the session keeps. Stores drop the oldest beyond it. */
    public int maxQueuedFlashes() {
        return maxQueuedFlashes;
    }

    /**
     * Keeps the newest {@link #maxQueuedFlashes()} of a session's queued flashes.
     *
     * @param flashes the queued flashes, oldest first
     * @return the same list when it is within the cap, otherwise its newest part
     */
    public List<Flash> capFlashes(List<Flash> flashes) {
        return newestFlashes(flashes, maxQueuedFlashes);
    }

    /**
     * Keeps the newest of a session's queued flashes, and writes a DEBUG line when it drops any.
     *
     * @param flashes the queued flashes, oldest first
     * @param max how many to keep
     * @return the same list when it is within the cap, otherwise its newest part
     */
    public static List<Flash> newestFlashes(List<Flash> flashes, int max) {
        int excess = flashes.size() - max;
        if (excess <= 0) {
            return flashes;
        }
        logDroppedFlashes(excess, max);
        return List.copyOf(flashes.subList(excess, flashes.size()));
    }

    /**
     * Writes the DEBUG line for flashes dropped because too many were queued; for stores that
     * drop them in their backend.
     *
     * @param dropped how many of the oldest flashes were dropped
     * @param max the cap
     */
    public static void logDroppedFlashes(long dropped, int max) {
        LOG.debugf("Dropped the %d oldest queued flash(es): a session keeps at most %d"
                + " (usersession.flash.max-queued)", dropped, max);
    }

    /**
     * Applies this delta to the session a store contains now, which may contain writes of parallel
     * requests made after this request loaded it.
     *
     * <p>Keys written or removed by this request win; other keys stay as they are now. Flashes
     * this request consumed are removed (each once, by value), and flashes it queued are added at
     * the end; beyond {@link #maxQueuedFlashes()}, the oldest are dropped. The result has this request's ID and user ID (when it set one) and the given time
     * as its last write.
     *
     * @param current the session as the store contains it now
     * @param now the time of this save
     * @return the merged session
     */
    public StoredSession applyTo(StoredSession current, Instant now) {
        Map<String, String> attributes = new HashMap<>(current.attributes());
        attributes.keySet().removeAll(removed);
        attributes.putAll(written);

        List<Flash> flashes = new ArrayList<>(current.flashes());
        consumedFlashes.forEach(flashes::remove);
        flashes.addAll(addedFlashes);

        String userId = userIdChanged ? result.userId().orElse(null) : current.userId().orElse(null);
        String id = idRotated() ? result.id() : current.id();
        return new StoredSession(id, userId, attributes, capFlashes(flashes), current.created(), now);
    }

    @Override
    public String toString() {
        return "SessionChanges[new=" + (previousId == null) + ", idRotated=" + idRotated()
                + ", written=" + written.keySet() + ", removed=" + removed
                + ", userIdChanged=" + userIdChanged + ", addedFlashes=" + addedFlashes.size()
                + ", consumedFlashes=" + consumedFlashes.size() + ", maxQueuedFlashes=" + maxQueuedFlashes + "]";
    }
}
