package io.github.usersession.state;

import static io.github.usersession.log.MessageCodes.NO_REQUEST;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

import io.github.usersession.SessionChanges;
import io.github.usersession.SessionStore;
import io.github.usersession.SessionStoreException;
import io.github.usersession.StoredSession;
import io.github.usersession.config.SessionSettings;

import jakarta.enterprise.context.RequestScoped;
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

    private List<String> cookieValues = List.of();
    private boolean secureRequest;
    private String contextPath = "/";
    private boolean begun;
    private boolean finished;
    private WorkingSession working;
    private boolean invalidCookie;
    private boolean destroyed;
    private boolean rotate;

    @Inject
    public SessionTracker(SessionSettings settings, StoreSelector stores, SessionClock clock, StoreHealth health) {
        this.settings = settings;
        this.stores = stores;
        this.clock = clock;
        this.health = health;
    }

    /** Needed by CDI to create the client proxy. */
    protected SessionTracker() {
        this(null, null, null, null);
    }

    /**
     * Starts tracking a request.
     *
     * @param cookieValues the values of the session cookie the request sent, in the order sent
     * @param secureRequest whether the request came over HTTPS
     * @param contextPath the application's context path, the cookie's default path
     */
    public void begin(List<String> cookieValues, boolean secureRequest, String contextPath) {
        this.cookieValues = List.copyOf(cookieValues);
        this.secureRequest = secureRequest;
        this.contextPath = contextPath.isEmpty() ? "/" : contextPath;
        this.begun = true;
    }

    public boolean isBegun() {
        return begun;
    }

    public boolean isSecureRequest() {
        return secureRequest;
    }

    public String contextPath() {
        return contextPath;
    }

    /**
     * Tells whether rendering the response could still change the session: a view that reads
     * the flashes consumes them, so the cookie can only be written after the view.
     */
    public boolean mayChangeWhileRendering() {
        if (finished || !begun) {
            return false;
        }
        return working == null ? !cookieValues.isEmpty() : working.hasFlashes();
    }

    /** Returns this request's working copy, loading it from the store on first use. */
    WorkingSession session() {
        if (working == null) {
            working = load();
        }
        return working;
    }

    /** Sets the user ID; the session gets a new ID when it is saved. */
    void signIn(String userId) {
        session().setUserId(userId);
        rotate = true;
    }

    /** Removes the stored session now; later writes in this request start a new one. */
    void destroy() {
        Optional<String> previousId = session().previousId();
        if (previousId.isPresent()) {
            callStore(() -> {
                stores.store().delete(previousId.get());
                return null;
            });
        }
        working = WorkingSession.fresh();
        destroyed = true;
        rotate = false;
    }

    /**
     * Saves this request's changes, once, and returns what to do with the cookie.
     *
     * @return the cookie to write or expire; empty when the cookie stays as it is
     */
    public Optional<CookieUpdate> finish() {
        if (finished || !begun || working == null) {
            finished = true;
            return Optional.empty();
        }
        finished = true;

        if (working.isChanged()) {
            return Optional.of(save());
        }
        if (destroyed || invalidCookie) {
            return Optional.of(CookieUpdate.expire());
        }
        return Optional.empty();
    }

    private CookieUpdate save() {
        Instant now = clock.now();
        String id = rotate || working.previousId().isEmpty() ? SessionIds.newId() : working.previousId().get();
        SessionChanges changes = working.changes(id, now);

        Optional<String> value = callStore(() -> stores.store().save(changes, now));
        if (value.isEmpty()) {
            LOG.debugf("Session %s ended in a parallel request; its changes were not saved",
                    SessionIds.prefix(changes.previousId().orElse(id)));
            return CookieUpdate.expire();
        }
        return CookieUpdate.set(value.get(), remainingSeconds(changes.result(), now));
    }

    private WorkingSession load() {
        if (!begun) {
            throw new IllegalStateException(NO_REQUEST + ": UserSession was used outside a JAX-RS request, or"
                    + " before usersession's request filter ran. Use it in JAX-RS resources, their filters and"
                    + " the views they render; register io.github.usersession.web.SessionRequestFilter if the"
                    + " application lists its classes explicitly.");
        }

        Instant now = clock.now();
        for (String value : cookieValues.subList(0, Math.min(MAX_COOKIE_VALUES, cookieValues.size()))) {
            Optional<StoredSession> loaded = callStore(() -> stores.store().load(value, now));
            if (loaded.isPresent() && isExpired(loaded.get(), now)) {
                LOG.debugf("Session %s is past usersession.max-age; starting a guest session",
                        SessionIds.prefix(loaded.get().id()));
                callStore(() -> {
                    stores.store().delete(loaded.get().id());
                    return null;
                });
            } else if (loaded.isPresent()) {
                return WorkingSession.of(loaded.get());
            }
        }

        if (!cookieValues.isEmpty()) {
            invalidCookie = true;
            LOG.debugf("No valid session for the %d value(s) of cookie %s; starting a guest session",
                    cookieValues.size(), settings.cookieName());
        }
        return WorkingSession.fresh();
    }

    private boolean isExpired(StoredSession session, Instant now) {
        return !now.isBefore(session.created().plus(settings.maxAge()));
    }

    private long remainingSeconds(StoredSession session, Instant now) {
        Duration remaining = Duration.between(now, session.created().plus(settings.maxAge()));
        return Math.max(1, remaining.getSeconds());
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
