package io.github.usersession.bench;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import io.github.usersession.UserSession;
import io.github.usersession.state.CookieUpdate;
import io.github.usersession.state.SessionRequest;
import io.github.usersession.state.SessionTracker;
import io.github.usersession.testing.SessionContainer;

import jakarta.enterprise.context.control.RequestContextController;

/**
 * Runs simulated requests in a Weld SE container the way the JAX-RS filters drive the session,
 * like {@link SessionContainer#request}, but with the beans looked up once, so that a benchmark
 * measures the request and not the bean lookups.
 */
final class RequestRunner {

    private final RequestContextController context;
    private final SessionTracker tracker;
    private final UserSession session;

    RequestRunner(SessionContainer container) {
        this.context = container.bean(RequestContextController.class);
        this.tracker = container.bean(SessionTracker.class);
        this.session = container.bean(UserSession.class);
    }

    /** Returns the facts of a request for the root page that sends one session cookie value. */
    static SessionRequest withCookie(String cookieValue) {
        return new SessionRequest(List.of(cookieValue), 0, false, "/", "/", "/", "GET");
    }

    /** Runs a request that creates a session, and returns the cookie value the response sets. */
    String newSession(Consumer<UserSession> work) {
        context.activate();
        try {
            tracker.begin(new SessionRequest(List.of(), 0, false, "/", "/", "/", "GET"));
            work.accept(session);
            return tracker.finish().flatMap(CookieUpdate::value).orElseThrow();
        } finally {
            context.deactivate();
        }
    }

    /**
     * Runs one request: activates the request context, begins tracking, runs the work, saves the
     * session as the response filter would and deactivates the context.
     *
     * @return what the work returned
     */
    <T> T run(SessionRequest request, Function<UserSession, T> work) {
        context.activate();
        try {
            tracker.begin(request);
            T result = work.apply(session);
            tracker.finish();
            return result;
        } finally {
            context.deactivate();
        }
    }
}
