package io.github.usersession;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.github.usersession.state.SessionClock;
import io.github.usersession.state.SessionIds;
import io.github.usersession.state.SessionTracker;
import io.github.usersession.state.StoreSelector;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The sessions of a user across devices: list them, and end them all or all but the current
 * one ("log out everywhere"). Works with stores that keep sessions on the server (memory and
 * JDBC); the cookie store keeps none, so it cannot list or end sessions.
 */
@ApplicationScoped
public class UserSessions {

    private final StoreSelector stores;
    private final SessionClock clock;
    private final SessionTracker tracker;

    @Inject
    UserSessions(StoreSelector stores, SessionClock clock, SessionTracker tracker) {
        this.stores = stores;
        this.clock = clock;
        this.tracker = tracker;
    }

    /** Needed by CDI to create the client proxy. */
    protected UserSessions() {
        this(null, null, null);
    }

    /**
     * Lists a user's live sessions, most recently accessed first.
     *
     * @throws UnsupportedOperationException when the store keeps no sessions on the server
     */
    public List<SessionInfo> sessionsOf(String userId) {
        Objects.requireNonNull(userId, "userId must not be null");
        Optional<String> current = currentSessionId();
        return index().findByUser(userId, clock.now()).stream()
                .sorted(Comparator.comparing(StoredSession::lastAccessed).reversed())
                .map(session -> new SessionInfo(SessionIds.prefix(session.id()), session.created(),
                        session.lastAccessed(), current.filter(session.id()::equals).isPresent()))
                .toList();
    }

    /**
     * Ends all sessions of a user, the current one included.
     *
     * @return the number of sessions ended
     */
    public int invalidateAll(String userId) {
        Objects.requireNonNull(userId, "userId must not be null");
        return index().deleteByUser(userId, null);
    }

    /**
     * Ends all sessions of a user except the one of the current request.
     *
     * @return the number of sessions ended
     */
    public int invalidateOthers(String userId) {
        Objects.requireNonNull(userId, "userId must not be null");
        return index().deleteByUser(userId, currentSessionId().orElse(null));
    }

    private Optional<String> currentSessionId() {
        return tracker.isBegun() ? tracker.currentSessionId() : Optional.empty();
    }

    private SessionIndex index() {
        SessionStore store = stores.store();
        if (store instanceof SessionIndex index) {
            return index;
        }
        throw new UnsupportedOperationException("The session store '" + stores.name()
                + "' keeps no sessions on the server, so it cannot list or end a user's sessions."
                + " Choose usersession.store=memory or jdbc for this.");
    }
}
