package io.github.usersession.store.memory;

import static io.github.usersession.log.MessageCodes.MEMORY_STORE_FULL;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

import org.jboss.logging.Logger;

import io.github.usersession.SessionChanges;
import io.github.usersession.SessionStore;
import io.github.usersession.StoredSession;
import io.github.usersession.config.SessionSettings;
import io.github.usersession.config.SettingsReader;
import io.github.usersession.state.SessionIds;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Keeps sessions in this JVM's heap: the default store, for a single server.
 *
 * <p>Sessions are lost on restart and not shared between servers. The store keeps at most
 * {@code usersession.memory.max-sessions}; when a new session would pass that, expired
 * sessions are removed first, then the least recently written ones. A save applies only the
 * keys its request changed, atomically per session, so parallel requests that write different
 * keys keep each other's writes.
 */
@ApplicationScoped
@Named(SettingsReader.MEMORY_STORE)
public class MemoryStore implements SessionStore {

    private static final Logger LOG = Logger.getLogger(MemoryStore.class);

    /** How often a save also sweeps out expired sessions. */
    static final Duration SWEEP_INTERVAL = Duration.ofMinutes(1);

    private final Map<String, StoredSession> sessions = new ConcurrentHashMap<>();
    private final AtomicReference<Instant> lastSweep = new AtomicReference<>(Instant.EPOCH);
    private final Duration maxAge;
    private final int maxSessions;

    @Inject
    public MemoryStore(SessionSettings settings) {
        this(settings.maxAge(), settings.memoryMaxSessions());
    }

    MemoryStore(Duration maxAge, int maxSessions) {
        this.maxAge = maxAge;
        this.maxSessions = maxSessions;
    }

    /** Needed by CDI to create the client proxy. */
    protected MemoryStore() {
        this(Duration.ZERO, 0);
    }

    @Override
    public Optional<StoredSession> load(String cookieValue, Instant now) {
        StoredSession session = sessions.get(cookieValue);
        if (session == null) {
            return Optional.empty();
        }
        if (isExpired(session, now)) {
            sessions.remove(cookieValue, session);
            return Optional.empty();
        }
        return Optional.of(session);
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
            return Optional.empty();
        }
        if (changes.idRotated()) {
            sessions.put(merged.id(), merged);
        }
        return Optional.of(merged.id());
    }

    @Override
    public void delete(String sessionId) {
        sessions.remove(sessionId);
    }

    /** Returns the number of sessions kept, including expired ones not yet removed. */
    public int size() {
        return sessions.size();
    }

    /**
     * Applies the changes to the session held under its previous ID, atomically. On rotation the
     * entry leaves the old ID in the same step, so the old ID stops working at once.
     *
     * @return the merged session, or null when the session no longer exists
     */
    private StoredSession merge(String previousId, SessionChanges changes, Instant now) {
        AtomicReference<StoredSession> merged = new AtomicReference<>();
        sessions.computeIfPresent(previousId, (id, current) -> {
            if (isExpired(current, now)) {
                return null;
            }
            merged.set(changes.applyTo(current, now));
            return changes.idRotated() ? null : merged.get();
        });
        return merged.get();
    }

    private boolean isExpired(StoredSession session, Instant now) {
        return !now.isBefore(session.created().plus(maxAge));
    }

    private void sweepIfDue(Instant now) {
        Instant last = lastSweep.get();
        if (now.isAfter(last.plus(SWEEP_INTERVAL)) && lastSweep.compareAndSet(last, now)) {
            removeExpired(now);
        }
    }

    private int removeExpired(Instant now) {
        int before = sessions.size();
        sessions.values().removeIf(session -> isExpired(session, now));
        return before - sessions.size();
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
                + " recently written sessions. Raise the limit or use a shared store.", MEMORY_STORE_FULL,
                maxSessions, toDrop);
        sessions.values().stream()
                .sorted(Comparator.comparing(StoredSession::lastWritten))
                .limit(toDrop)
                .map(StoredSession::id)
                .toList()
                .forEach(id -> {
                    sessions.remove(id);
                    LOG.debugf("Dropped session %s from the full memory store", SessionIds.prefix(id));
                });
    }
}
