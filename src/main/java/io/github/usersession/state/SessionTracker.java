package io.github.usersession.state;

import static io.github.usersession.log.MessageCodes.CHANGED_AFTER_RESPONSE;
import static io.github.usersession.log.MessageCodes.NO_REQUEST;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

import io.github.usersession.Flash;
import io.github.usersession.SessionChanges;
import io.github.usersession.SessionCreated;
import io.github.usersession.SessionDestroyed;
import io.github.usersession.SessionEvent;
import io.github.usersession.SessionExpired;
import io.github.usersession.SessionStoreException;
import io.github.usersession.StoredSession;
import io.github.usersession.UserSignedIn;
import io.github.usersession.config.SessionSettings;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

/**
 * Tracks one request's session: the request filter passes it the cookie values, the session is
 * loaded from the store on first use, and the response filter gets from it the cookie to write.
 *
 * <p>A request that never uses the session costs no store call and writes no cookie.
 */
@RequestScoped
public class SessionTracker {

    private static final Logger LOG = Logger.getLogger(SessionTracker.class);

    /**
     * Cookie values tried per request. Browsers send a cookie with a longer path before one
     * with a shorter path (RFC 6265, section 5.4), so the first valid one wins.
     */
    static final int MAX_COOKIE_VALUES = 3;

    private final SessionSettings settings;
    private final StoreSelector stores;
    private final SessionClock clock;
    private final StoreHealth health;
    private final Event<SessionEvent> events;
    private final SessionExpiry expiry;

    private SessionRequest request;
    private boolean finished;
    private WorkingSession working;
    private boolean invalidCookie;
    private boolean destroyed;
    private boolean rotate;
    private boolean touch;

    @Inject
    public SessionTracker(SessionSettings settings, StoreSelector stores, SessionClock clock, StoreHealth health,
                          Event<SessionEvent> events) {
        this.settings = settings;
        this.stores = stores;
        this.clock = clock;
        this.health = health;
        this.events = events;
        this.expiry = settings == null ? null : SessionExpiry.of(settings);
    }

    /** Needed by CDI to create the client proxy. */
    protected SessionTracker() {
        this(null, null, null, null, null);
    }

    /** Starts tracking a request. */
    public void begin(SessionRequest request) {
        this.request = request;
    }

    public boolean isBegun() {
        return request != null;
    }

    /** The request as the request filter saw it. */
    public SessionRequest request() {
        return request;
    }

    /**
     * Tells whether rendering the response could still change the session: a view that reads
     * the flashes consumes them, so the cookie can only be written after the view.
     */
    public boolean mayChangeWhileRendering() {
        if (finished || request == null) {
            return false;
        }
        return working == null ? !request.cookieValues().isEmpty() : working.hasFlashes();
    }

    /** Returns this request's working copy, loading it from the store on first use. */
    WorkingSession session() {
        if (working == null) {
            working = load();
        }
        return working;
    }

    /** Returns the ID of the stored session of this request, loading it when needed; empty for a new session. */
    public Optional<String> currentSessionId() {
        return session().previousId();
    }

    /**
     * Returns this request's working copy for a change. When the response was already saved,
     * the change cannot reach the store any more: that is logged as a WARN, not dropped silently.
     *
     * @param change what the application changes, for the log line
     */
    WorkingSession sessionToChange(String change) {
        if (finished && request != null) {
            LOG.warnf("%s: %s after the response to %s was saved, so the change is lost. Change the session"
                    + " before the response is written: in the resource method or a request filter, not while the"
                    + " response body is written.", CHANGED_AFTER_RESPONSE, change, request.requestPath());
        }
        return session();
    }

    /**
     * Returns the flashes for this request's page and removes them: from the store at once when
     * it can do that atomically, otherwise from this request's copy, saved with the response. A
     * {@code HEAD} request, whose client sees no body, leaves them queued.
     */
    List<Flash> takeFlashes() {
        WorkingSession session = session();
        String page = request.page();
        if (request.isWithoutBody()) {
            return session.peekFlashes(page);
        }

        Optional<String> id = session.previousId();
        if (id.isPresent() && !session.storeFlashesTaken()) {
            Optional<List<Flash>> fromStore = callStore(() -> stores.store().takeFlashes(id.get(), page, clock.now()));
            if (fromStore.isPresent()) {
                return session.takeFlashesTakenFromStore(fromStore.get(), page);
            }
        }
        return session.takeFlashes(page);
    }

    /** Sets the user ID; the session gets a new ID when it is saved. */
    void signIn(String userId) {
        sessionToChange("The user ID was set").setUserId(userId);
        rotate = true;
    }

    /** Removes the stored session now; later writes in this request start a new one. */
    void destroy() {
        WorkingSession ending = sessionToChange("The session was destroyed");
        Optional<String> previousId = ending.previousId();
        if (previousId.isPresent()) {
            callStore(() -> {
                stores.store().delete(previousId.get());
                return null;
            });
            events.fire(new SessionDestroyed(SessionIds.prefix(previousId.get()), ending.userId().orElse(null),
                    clock.now()));
        }
        working = WorkingSession.fresh(settings.maxQueuedFlashes());
        destroyed = true;
        rotate = false;
        touch = false;
    }

    /**
     * Saves this request's changes, once, and returns what to do with the cookie.
     *
     * @return the cookie to write or expire; empty when the cookie stays as it is
     */
    public Optional<CookieUpdate> finish() {
        if (finished || request == null || working == null) {
            finished = true;
            return Optional.empty();
        }
        finished = true;

        if (working.isChanged() || touch) {
            return save();
        }
        if (destroyed || invalidCookie) {
            return Optional.of(CookieUpdate.expire());
        }
        return Optional.empty();
    }

    private Optional<CookieUpdate> save() {
        Instant now = clock.now();
        boolean isNew = working.previousId().isEmpty();
        String id = rotate || isNew ? SessionIds.newId() : working.previousId().get();
        SessionChanges changes = working.changes(id, now);

        Optional<String> value = callStore(() -> stores.store().save(changes, now));
        if (value.isEmpty()) {
            // A parallel request destroyed the session or gave it a new ID. Expiring the cookie
            // here could drop the new ID that the parallel response sets, so leave it alone.
            LOG.debugf("Session %s was ended or renewed by a parallel request; this response leaves the cookie"
                    + " unchanged", SessionIds.prefix(changes.previousId().orElse(id)));
            return Optional.empty();
        }

        fireSaveEvents(changes, isNew, now);
        return Optional.of(CookieUpdate.set(value.get(), expiry.remainingSeconds(changes.result(), now)));
    }

    private void fireSaveEvents(SessionChanges changes, boolean isNew, Instant now) {
        String prefix = SessionIds.prefix(changes.result().id());
        String userId = changes.result().userId().orElse(null);
        if (isNew) {
            events.fire(new SessionCreated(prefix, userId, now));
        }
        if (rotate && userId != null) {
            events.fire(new UserSignedIn(prefix, userId, now));
        }
    }

    private WorkingSession load() {
        if (request == null) {
            throw new IllegalStateException(NO_REQUEST + ": UserSession was used outside a JAX-RS request, or"
                    + " before usersession's request filter ran. Use it in JAX-RS resources, their filters and"
                    + " the views they render; register io.github.usersession.web.SessionRequestFilter if the"
                    + " application lists its classes explicitly.");
        }

        Instant now = clock.now();
        List<String> values = request.cookieValues();
        for (String value : values.subList(0, Math.min(MAX_COOKIE_VALUES, values.size()))) {
            Optional<StoredSession> loaded = callStore(() -> stores.store().load(value, now));
            if (loaded.isPresent() && expiry.isExpired(loaded.get(), now)) {
                expire(loaded.get(), now);
            } else if (loaded.isPresent()) {
                touch = expiry.needsTouch(loaded.get(), now);
                return WorkingSession.of(loaded.get(), settings.maxQueuedFlashes());
            }
        }

        if (!values.isEmpty()) {
            invalidCookie = true;
            LOG.debugf("No valid session for the %d value(s) of cookie %s; starting a guest session",
                    values.size(), settings.cookieName());
        }
        return WorkingSession.fresh(settings.maxQueuedFlashes());
    }

    private void expire(StoredSession session, Instant now) {
        String prefix = SessionIds.prefix(session.id());
        LOG.debugf("Session %s expired at %s; starting a guest session", prefix, expiry.expiresAt(session));
        callStore(() -> {
            stores.store().delete(session.id());
            return null;
        });
        events.fire(new SessionExpired(prefix, session.userId().orElse(null), now));
    }

    private <T> T callStore(Supplier<T> call) {
        try {
            T result = call.get();
            health.succeeded();
            return result;
        } catch (SessionStoreException e) {
            health.failed(e);
            throw e;
        }
    }
}
