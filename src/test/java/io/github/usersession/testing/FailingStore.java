package io.github.usersession.testing;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.github.usersession.SessionChanges;
import io.github.usersession.SessionStore;
import io.github.usersession.SessionStoreException;
import io.github.usersession.StoredSession;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;

/**
 * A custom store as an application would write one: sessions in a map, plus a switch that makes
 * every call fail as a store whose backend is down.
 */
@ApplicationScoped
@Named("switchable")
public class FailingStore implements SessionStore {

    private final Map<String, StoredSession> sessions = new ConcurrentHashMap<>();
    private volatile boolean down;

    public void setDown(boolean down) {
        this.down = down;
    }

    @Override
    public Optional<StoredSession> load(String cookieValue, Instant now) {
        checkUp();
        return Optional.ofNullable(sessions.get(cookieValue));
    }

    @Override
    public Optional<String> save(SessionChanges changes, Instant now) {
        checkUp();
        changes.previousId().ifPresent(sessions::remove);
        sessions.put(changes.result().id(), changes.result());
        return Optional.of(changes.result().id());
    }

    @Override
    public void delete(String sessionId) {
        checkUp();
        sessions.remove(sessionId);
    }

    @Override
    public boolean isAvailable() {
        return !down;
    }

    public int size() {
        return sessions.size();
    }

    private void checkUp() {
        if (down) {
            throw new SessionStoreException("connection refused (test switch)");
        }
    }
}
