package io.github.usersession.web;

import java.util.List;

import io.github.usersession.Flash;
import io.github.usersession.UserSession;
import io.github.usersession.state.SessionTracker;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;

/**
 * Gives views the queued flashes as {@code ${flashes}}.
 *
 * <p>The list is request-scoped and produced on its first use in a view, so the flashes are
 * consumed only when a view reads them; a JSON call or a 404 in between leaves them queued.
 * Outside a request that usersession tracks, the list is empty.
 */
public class FlashesProducer {

    /** The name views use. */
    public static final String NAME = "flashes";

    @Produces
    @RequestScoped
    @Named(NAME)
    List<Flash> flashes(SessionTracker tracker, UserSession session) {
        return tracker.isBegun() ? session.flashes() : List.of();
    }
}
