package io.github.usersession.state;

import java.util.List;
import java.util.Optional;

import io.github.usersession.Flash;

import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;

/** The operations {@link io.github.usersession.UserSession} performs on the request's working copy. */
@Dependent
public class SessionAccess {

    private final SessionTracker tracker;

    @Inject
    public SessionAccess(SessionTracker tracker) {
        this.tracker = tracker;
    }

    public Optional<String> userId() {
        return tracker.session().userId();
    }

    public void signIn(String userId) {
        tracker.signIn(userId);
    }

    public Optional<String> get(String key) {
        return tracker.session().get(key);
    }

    public void put(String key, String value) {
        tracker.session().put(key, value);
    }

    public void delete(String key) {
        tracker.session().delete(key);
    }

    public void addFlash(Flash flash) {
        tracker.session().addFlash(flash);
    }

    public List<Flash> takeFlashes() {
        return tracker.takeFlashes();
    }

    public void destroy() {
        tracker.destroy();
    }
}
