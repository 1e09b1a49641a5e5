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
        tracker.sessionToChange("A key was written").put(key, value);
    }

    public void delete(String key) {
        tracker.sessionToChange("A key was deleted").delete(key);
    }

    public void addFlash(Flash flash) {
        tracker.sessionToChange("A flash was queued").addFlash(flash);
    }

    public void addFlashNow(Flash flash) {
        tracker.sessionToChange("A flash for this request's view was added").addFlashNow(flash);
    }

    public void keepFlashes() {
        tracker.sessionToChange("The flashes were kept").keepFlashes();
    }

    public List<Flash> takeFlashes() {
        return tracker.takeFlashes();
    }

    public void destroy() {
        tracker.destroy();
    }
}
