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
    private final int maxQueuedFlashes;
    private final Map<String, String> attributes;
    private final Map<String, String> written = new LinkedHashMap<>();
    private final Set<String> removed = new HashSet<>();
    private final List<Flash> loadedFlashes;
    private final List<Flash> consumedFlashes = new ArrayList<>();
    private final List<Flash> addedFlashes = new ArrayList<>();
    private final List<Flash> nowFlashes = new ArrayList<>();
    private final List<Flash> shownFlashes = new ArrayList<>();
    private String userId;
    private boolean userIdChanged;
    private boolean storeFlashesTaken;
    private boolean keepShownFlashes;
    private int droppedFlashes;

    private WorkingSession(StoredSession loaded, int maxQueuedFlashes) {
        this.loaded = loaded;
        this.maxQueuedFlashes = maxQueuedFlashes;
        this.attributes = loaded == null ? new LinkedHashMap<>() : new LinkedHashMap<>(loaded.attributes());
        this.loadedFlashes = loaded == null ? new ArrayList<>() : new ArrayList<>(loaded.flashes());
        this.userId = loaded == null ? null : loaded.userId().orElse(null);
    }

    /**
     * Starts from a session loaded from the store.
     *
     * @param maxQueuedFlashes how many queued flashes the session keeps at most
     */
    static WorkingSession of(StoredSession loaded, int maxQueuedFlashes) {
        return new WorkingSession(loaded, maxQueuedFlashes);
    }

    /** Starts a new guest session that nothing has stored yet. */
    static WorkingSession fresh(int maxQueuedFlashes) {
        return new WorkingSession(null, maxQueuedFlashes);
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

    /** Queues a flash; beyond the cap, the oldest flash this request queued is dropped. */
    void addFlash(Flash flash) {
        addedFlashes.add(flash);
        if (addedFlashes.size() > maxQueuedFlashes) {
            addedFlashes.remove(0);
            droppedFlashes++;
        }
    }

    /** Adds a flash for this request's view only; it is never stored. */
    void addFlashNow(Flash flash) {
        nowFlashes.add(flash);
    }

    /** Queues the flashes this request shows again when it is saved, so that the next page shows them too. */
    void keepFlashes() {
        keepShownFlashes = true;
    }

    boolean hasFlashes() {
        return !loadedFlashes.isEmpty() || !addedFlashes.isEmpty() || !nowFlashes.isEmpty();
    }

    /**
     * Returns the flashes for a page, oldest first, and removes them; flashes that wait for
     * another page stay queued. The flashes of {@link #addFlashNow} come last and stay for a
     * second read in the same request.
     *
     * @param page the path of the page that shows them
     */
    List<Flash> takeFlashes(String page) {
        List<Flash> fromStore = takeFor(loadedFlashes, page);
        consumedFlashes.addAll(fromStore);
        return shown(fromStore, page);
    }

    /** Returns the flashes for a page like {@link #takeFlashes(String)}, but leaves them queued. */
    List<Flash> peekFlashes(String page) {
        List<Flash> shown = new ArrayList<>();
        for (List<Flash> flashes : List.of(loadedFlashes, addedFlashes)) {
            flashes.stream().filter(flash -> flash.isFor(page)).forEach(shown::add);
        }
        shown.addAll(nowFlashes);
        return shown;
    }

    boolean storeFlashesTaken() {
        return storeFlashesTaken;
    }

    /**
     * Like {@link #takeFlashes(String)}, for flashes the store removed atomically: the loaded
     * ones for this page are dropped from the copy, as the store no longer has them, so the save
     * has nothing to remove.
     *
     * @param fromStore the flashes the store returned for this page
     * @param page the path of the page that shows them
     */
    List<Flash> takeFlashesTakenFromStore(List<Flash> fromStore, String page) {
        takeFor(loadedFlashes, page);
        storeFlashesTaken = true;
        return shown(fromStore, page);
    }

    /** Returns what a view shows: the given flashes, this request's own for the page, then the now flashes. */
    private List<Flash> shown(List<Flash> fromStore, String page) {
        List<Flash> forView = new ArrayList<>(fromStore);
        forView.addAll(takeFor(addedFlashes, page));
        shownFlashes.addAll(forView);
        forView.addAll(nowFlashes);
        return forView;
    }

    /** Removes the flashes for a page from a list and returns them in order. */
    private static List<Flash> takeFor(List<Flash> flashes, String page) {
        List<Flash> forPage = new ArrayList<>();
        flashes.removeIf(flash -> flash.isFor(page) && forPage.add(flash));
        return forPage;
    }

    boolean isChanged() {
        return userIdChanged || !written.isEmpty() || !removed.isEmpty()
                || !addedFlashes.isEmpty() || !consumedFlashes.isEmpty() || !keptFlashes().isEmpty();
    }

    /** Returns the shown flashes to queue again after {@link #keepFlashes()}, or none. */
    private List<Flash> keptFlashes() {
        return keepShownFlashes ? shownFlashes : List.of();
    }

    /**
     * Describes this request's changes. The flashes this request queued are capped here, with one
     * DEBUG line; the store caps the session's flashes as a whole when it saves.
     *
     * @param id the ID to save under: the loaded one, or a new one for a new or rotated session
     * @param now the time of the save
     */
    SessionChanges changes(String id, Instant now) {
        List<Flash> queued = new ArrayList<>(keptFlashes());
        queued.addAll(addedFlashes);
        int excess = Math.max(0, queued.size() - maxQueuedFlashes);
        queued = queued.subList(excess, queued.size());
        if (droppedFlashes + excess > 0) {
            SessionChanges.logDroppedFlashes(droppedFlashes + excess, maxQueuedFlashes);
        }

        List<Flash> remainingFlashes = new ArrayList<>(loadedFlashes);
        remainingFlashes.addAll(queued);
        Instant created = loaded == null ? now : loaded.created();
        StoredSession result = new StoredSession(id, userId, attributes, remainingFlashes, created, now);

        return new SessionChanges(previousId().orElse(null), result, written, removed, userIdChanged, queued,
                consumedFlashes, maxQueuedFlashes);
    }
}
