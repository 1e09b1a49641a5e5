package io.github.usersession.web;

import java.util.List;

import io.github.usersession.config.SessionSettings;
import io.github.usersession.state.SessionRequest;
import io.github.usersession.state.SessionTracker;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.annotation.Priority;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.servlet.ServletContext;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;

/**
 * Hands the request's session cookie to the request's {@link SessionTracker}. The session itself
 * is loaded only when the application first uses it.
 */
@Provider
@ApplicationScoped
@PreMatching
@Priority(SessionRequestFilter.PRIORITY)
public class SessionRequestFilter implements ContainerRequestFilter {

    /** Before authentication filters, so that they can already use the session. */
    public static final int PRIORITY = Priorities.AUTHENTICATION - 100;

    @Inject
    SessionTracker tracker;

    @Inject
    SessionSettings settings;

    @Inject
    Instance<ServletContext> servletContext;

    @Override
    public void filter(ContainerRequestContext request) {
        List<String> cookieHeaders = request.getHeaders().getOrDefault(HttpHeaders.COOKIE, List.of());
        CookieParser.SessionCookies cookies = CookieParser.read(cookieHeaders, settings.cookieName());
        tracker.begin(new SessionRequest(cookies.candidates(), cookies.chunksSent(), isSecure(request),
                contextPath(request), request.getUriInfo().getPath(), request.getUriInfo().getRequestUri().getRawPath(),
                request.getMethod()));
    }

    private boolean isSecure(ContainerRequestContext request) {
        if (request.getSecurityContext() != null && request.getSecurityContext().isSecure()) {
            return true;
        }
        return settings.trustForwardedHeaders() && ForwardedProto.isHttps(
                request.getHeaderString(ForwardedProto.FORWARDED),
                request.getHeaderString(ForwardedProto.X_FORWARDED_PROTO));
    }

    private String contextPath(ContainerRequestContext request) {
        if (servletContext.isResolvable()) {
            return servletContext.get().getContextPath();
        }
        return request.getUriInfo().getBaseUri().getRawPath();
    }
}
