package io.github.usersession.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;

import io.github.usersession.config.SessionSettings;
import io.github.usersession.state.SessionTracker;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.WriterInterceptor;
import jakarta.ws.rs.ext.WriterInterceptorContext;

/**
 * Saves the session after a view rendered, for responses that {@link SessionResponseFilter}
 * left open: the body is buffered while the view renders, so that {@code Set-Cookie} can still
 * be added when the view consumed the flashes.
 */
@Provider
@ApplicationScoped
@Priority(Priorities.HEADER_DECORATOR)
public class RenderedSessionInterceptor implements WriterInterceptor {

    @Inject
    SessionTracker tracker;

    @Inject
    SessionSettings settings;

    @Override
    public void aroundWriteTo(WriterInterceptorContext context) throws IOException {
        if (!tracker.isBegun() || !tracker.mayChangeWhileRendering()) {
            context.proceed();
            return;
        }

        OutputStream original = context.getOutputStream();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        context.setOutputStream(body);
        try {
            context.proceed();
        } finally {
            context.setOutputStream(original);
        }

        tracker.finish().ifPresent(update -> CookieHeaders.setCookies(update, settings, tracker.request())
                .forEach(header -> context.getHeaders().add(HttpHeaders.SET_COOKIE, header)));
        body.writeTo(original);
    }
}
