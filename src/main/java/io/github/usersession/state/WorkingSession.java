package io.github.usersession.state;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.github.usersession.Flash;
import io.github.usersession.SessionChanges;
import io.github.usersession.StoredSession;

/**
 * One request's working copy of a session: the loaded state plus a record of what the request
 * changed. Not thread-safe; it lives in one request.
 */
final class WorkingSession {

    private final StoredSession loaded;
    private final Map<String, String> attributes;
    private final Map<String, String> written = new LinkedHashMap<>();
    private final Set<String> removed = new HashSet<>();
    private final List<Flash> loadedFlashes;
    private final List<Flash> consumedFlashes = new ArrayList<>();
    private final List<Flash> addedFlashes = new ArrayList<>();
    private String userId;
    private boolean userIdChanged;
    private boolean storeFlashesTaken;

    private WorkingSession(StoredSession loaded) {
        this.loaded = loaded;
        this.attributes = loaded == null ? new LinkedHashMap<>() : new LinkedHashMap<>(loaded.attributes());
        this.loadedFlashes = loaded == null ? new ArrayList<>() : new ArrayList<>(loaded.flashes());
        this.userId = loaded == null ? null : loaded.userId().orElse(null);
    }

    /** Starts from a session loaded from the store. */
    static WorkingSession of(StoredSession loaded) {
        return new WorkingSession(loaded);
    }

    /** Starts a new guest session that nothing has stored yet. */
    static WorkingSession fresh() {
        return new WorkingSession(null);
    }

    Optional<String> previousId() {
        return loaded == null ? Optional.empty() : Optional.of(loaded.id());
    }

    Optional<String> userId() {
        return Optional.ofNullable(userId);
    }

    void setUserId(String userId) {
        this.userId = userId;
        this.userIdChanged = true;
    }

    Optional<String> get(String key) {
        return Optional.ofNullable(attributes.get(key));
    }

    void put(String key, String value) {
        attributes.put(key, value);
        written.put(key, value);
        removed.remove(key);
    }

    void delete(String key) {
        boolean present = attributes.remove(key) != null;
        written.remove(key);

        // A loaded session may have got the key from a parallel request since this one loaded it.
        if (present || loaded != null) {
            removed.add(key);
        }
    }

    void addFlash(Flash flash) {
        addedFlashes.add(flash);
    }

    boolean hasFlashes() {
        return !loadedFlashes.isEmpty() || !addedFlashes.isEmpty();
    }

    /** Returns the queued flashes, oldest first, and removes them. */
    List<Flash> takeFlashes() {
        List<Flash> taken = new ArrayList<>(loadedFlashes);
        taken.addAll(addedFlashes);
        consumedFlashes.addAll(loadedFlashes);
        loadedFlashes.clear();
        addedFlashes.clear();
        return taken;
    }

    boolean storeFlashesTaken() {
        return storeFlashesTaken;
    }

    /**
     * Returns the flashes the store removed atomically, then this request's own, and clears the
     * loaded ones. The store no longer has them, so the save has nothing to remove.
     */
    List<Flash> takeFlashesTakenFromStore(List<Flash> fromStore) {
        List<Flash> taken = new ArrayList<>(fromStore);
        taken.addAll(addedFlashes);
        loadedFlashes.clear();
        addedFlashes.clear();
        storeFlashesTaken = true;
        return taken;
    }

    boolean isChanged() {
        return userIdChanged || !written.isEmpty() || !removed.isEmpty()
                || !addedFlashes.isEmpty() || !consumedFlashes.isEmpty();
    }

    /**
     * Describes this request's changes.
     *
     * @param id the ID to save under: the loaded one, or a new one for a new or rotated session
     * @param now the time of the save
     */
    SessionChanges changes(String id, Instant now) {
        List<Flash> remainingFlashes = new ArrayList<>(loadedFlashes);
        remainingFlashes.addAll(addedFlashes);
        Instant created = loaded == null ? now : loaded.created();
        StoredSession result = new StoredSession(id, userId, attributes, remainingFlashes, created, now);

        return new SessionChanges(previousId().orElse(null), result, written, removed, userIdChanged,
                addedFlashes, consumedFlashes);
    }
}
