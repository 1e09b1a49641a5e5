package io.github.usersession.web;

import java.util.Set;

import io.github.usersession.config.SessionSettings;
import io.github.usersession.state.SessionTracker;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;

/**
 * Saves the session and writes {@code Set-Cookie} when the request changed it.
 *
 * <p>An HTML response whose view could still read (and so consume) the flashes is left to
 * {@link RenderedSessionInterceptor}, which saves after the view has rendered.
 */
@Provider
@ApplicationScoped
@Priority(SessionResponseFilter.PRIORITY)
public class SessionResponseFilter implements ContainerResponseFilter {

    /**
     * Response filters run from the highest priority value to the lowest. This one is lower than
     * Jakarta MVC's view filter in Krazo (ENTITY_CODER), so it runs after that filter and handles a controller's redirect.
     */
    public static final int PRIORITY = Priorities.HEADER_DECORATOR;

    private static final Set<String> VIEW_SUBTYPES = Set.of("html", "xhtml+xml");

    /** Entity classes of Jakarta MVC views, by name, because the MVC API is optional. */
    private static final Set<String> VIEW_ENTITY_CLASSES = Set.of("org.eclipse.krazo.engine.Viewable");

    @Inject
    SessionTracker tracker;

    @Inject
    SessionSettings settings;

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        if (!tracker.isBegun()) {
            return;
        }
        if (response.hasEntity() && isView(response.getEntity(), response.getMediaType())
                && tracker.mayChangeWhileRendering()) {
            return;
        }

        tracker.finish().ifPresent(update -> CookieHeaders.setCookies(update, settings, tracker.request())
                .forEach(header -> response.getHeaders().add(HttpHeaders.SET_COOKIE, header)));
    }

    /**
     * Tells whether a response entity is rendered by a view, which may read the flashes: a
     * Jakarta MVC view (whatever its media type) or any HTML response.
     */
    static boolean isView(Object entity, MediaType mediaType) {
        return VIEW_ENTITY_CLASSES.contains(entity.getClass().getName())
                || mediaType == null
                || VIEW_SUBTYPES.contains(mediaType.getSubtype());
    }
}
