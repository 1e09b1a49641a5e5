package io.github.usersession.store.memory;

import static io.github.usersession.log.MessageCodes.MEMORY_STORE_FULL;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

import org.jboss.logging.Logger;

import io.github.usersession.Flash;
import io.github.usersession.SessionChanges;
import io.github.usersession.SessionIndex;
import io.github.usersession.SessionStore;
import io.github.usersession.StoreName;
import io.github.usersession.StoredSession;
import io.github.usersession.config.SessionSettings;
import io.github.usersession.config.SettingsReader;
import io.github.usersession.state.SessionExpiry;
import io.github.usersession.state.SessionIds;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Keeps sessions in this JVM's heap: the default store, for a single server.
 *
 * <p>Sessions are lost on restart and not shared between servers. The store keeps at most
 * {@code usersession.memory.max-sessions}; when a new session would pass that, expired
 * sessions are removed first, then the least recently accessed ones.
 *
 * <p>A save applies only the keys its request changed, atomically per session, so parallel
 * requests that write different keys keep each other's writes. When a request gives the session
 * a new ID (sign-in), the old ID stops working at once; a request that loaded the session under
 * the old ID before that and saves afterwards has its changes applied to the renamed session,
 * for {@link #ROTATION_GRACE}, without learning the new ID. A save for a destroyed session is
 * dropped.
 */
@ApplicationScoped
@StoreName(SettingsReader.MEMORY_STORE)
public class MemoryStore implements SessionStore, SessionIndex {

    private static final Logger LOG = Logger.getLogger(MemoryStore.class);

    /** How often a save also sweeps out expired sessions. */
    static final Duration SWEEP_INTERVAL = Duration.ofMinutes(1);

    /** How long a save under a rotated-away ID still reaches the renamed session. */
    static final Duration ROTATION_GRACE = Duration.ofMinutes(1);

    /** The new ID a session got at sign-in, and when. */
    private record Rotation(String newId, Instant at) {
    }

    private final Map<String, StoredSession> sessions = new ConcurrentHashMap<>();
    private final Map<String, Rotation> rotations = new ConcurrentHashMap<>();
    private final AtomicReference<Instant> lastSweep = new AtomicReference<>(Instant.EPOCH);
    private final SessionExpiry expiry;
    private final int maxSessions;

    @Inject
    public MemoryStore(SessionSettings settings) {
        this(SessionExpiry.of(settings), settings.memoryMaxSessions());
    }

    MemoryStore(SessionExpiry expiry, int maxSessions) {
        this.expiry = expiry;
        this.maxSessions = maxSessions;
    }

    /** Needed by CDI to create the client proxy. */
    protected MemoryStore() {
        this(null, 0);
    }

    /** Returns the session under the ID, expired or not: the caller checks expiry. */
    @Override
    public Optional<StoredSession> load(String cookieValue, Instant now) {
        return Optional.ofNullable(sessions.get(cookieValue));
    }

    @Override
    public Optional<String> save(SessionChanges changes, Instant now) {
        sweepIfDue(now);

        Optional<String> previousId = changes.previousId();
        if (previousId.isEmpty()) {
            makeRoomForOneMore(now);
            sessions.put(changes.result().id(), changes.result());
            return Optional.of(changes.result().id());
        }

        StoredSession merged = merge(previousId.get(), changes, now);
        if (merged == null) {
            forwardToRotated(previousId.get(), changes, now);
            return Optional.empty();
        }
        if (changes.idRotated()) {
            sessions.put(merged.id(), merged);
            rotations.put(previousId.get(), new Rotation(merged.id(), now));
        }
        return Optional.of(merged.id());
    }

    @Override
    public void delete(String sessionId) {
        sessions.remove(sessionId);
    }

    @Override
    public Optional<List<Flash>> takeFlashes(String sessionId, String page, Instant now) {
        AtomicReference<List<Flash>> taken = new AtomicReference<>(List.of());
        sessions.computeIfPresent(sessionId, (id, current) -> {
            Map<Boolean, List<Flash>> forPage = current.flashes().stream()
                    .collect(Collectors.partitioningBy(flash -> flash.isFor(page)));
            taken.set(forPage.get(true));
            return new StoredSession(id, current.userId().orElse(null), current.attributes(), forPage.get(false),
                    current.created(), current.lastAccessed());
        });
        return Optional.of(taken.get());
    }

    /** Scans all sessions: this store has no index by user, which is fine for its size. */
    @Override
    public List<StoredSession> findByUser(String userId, Instant now) {
        return sessions.values().stream()
                .filter(session -> session.userId().filter(userId::equals).isPresent())
                .filter(session -> !expiry.isExpired(session, now))
                .toList();
    }

    @Override
    public int deleteByUser(String userId, String keepSessionId) {
        AtomicInteger removed = new AtomicInteger();
        sessions.values().removeIf(session -> {
            boolean remove = session.userId().filter(userId::equals).isPresent() && !session.id().equals(keepSessionId);
            if (remove) {
                removed.incrementAndGet();
            }
            return remove;
        });
        return removed.get();
    }

    /** Returns the number of sessions kept, including expired ones not yet removed. */
    public int size() {
        return sessions.size();
    }

    /**
     * Applies the changes to the session kept under an ID, atomically. On rotation the entry
     * leaves the old ID in the same step, so the old ID stops working at once.
     *
     * @return the merged session, or null when no live session has that ID
     */
    private StoredSession merge(String id, SessionChanges changes, Instant now) {
        AtomicReference<StoredSession> merged = new AtomicReference<>();
        sessions.computeIfPresent(id, (key, current) -> {
            if (expiry.isExpired(current, now)) {
                return null;
            }
            merged.set(changes.applyTo(current, now));
            return changes.idRotated() ? null : merged.get();
        });
        return merged.get();
    }

    /** Applies a late save of a request that loaded the session before a parallel sign-in renamed it. */
    private void forwardToRotated(String oldId, SessionChanges changes, Instant now) {
        Rotation rotation = rotations.get(oldId);
        if (rotation == null || now.isAfter(rotation.at().plus(ROTATION_GRACE)) || changes.idRotated()) {
            LOG.debugf("Dropped a save for session %s, which no longer exists", SessionIds.prefix(oldId));
            return;
        }
        StoredSession merged = merge(rotation.newId(), changes, now);
        LOG.debugf("Applied a save for session %s to its new ID %s: %s", SessionIds.prefix(oldId),
                SessionIds.prefix(rotation.newId()), merged == null ? "dropped, it ended" : "done");
    }

    private void sweepIfDue(Instant now) {
        Instant last = lastSweep.get();
        if (now.isAfter(last.plus(SWEEP_INTERVAL)) && lastSweep.compareAndSet(last, now)) {
            removeExpired(now);
            rotations.values().removeIf(rotation -> now.isAfter(rotation.at().plus(ROTATION_GRACE)));
        }
    }

    private void removeExpired(Instant now) {
        sessions.values().removeIf(session -> expiry.isExpired(session, now));
    }

    private void makeRoomForOneMore(Instant now) {
        if (sessions.size() < maxSessions) {
            return;
        }
        removeExpired(now);

        int excess = sessions.size() - maxSessions + 1;
        if (excess <= 0) {
            return;
        }

        // Drop a little more than needed, so that the next new sessions do not sort again.
        int toDrop = Math.max(excess, maxSessions / 100);
        LOG.warnf("%s: The memory store is full (usersession.memory.max-sessions=%d); dropping the %d least"
                + " recently accessed sessions. Raise the limit or use a shared store.", MEMORY_STORE_FULL,
                maxSessions, toDrop);
        sessions.values().stream()
                .sorted(Comparator.comparing(StoredSession::lastAccessed))
                .limit(toDrop)
                .map(StoredSession::id)
                .toList()
                .forEach(id -> {
                    sessions.remove(id);
                    LOG.debugf("Dropped session %s from the full memory store", SessionIds.prefix(id));
                });
    }
}
