package io.github.usersession.web;

import io.github.usersession.SessionStoreException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** Maps a session store failure to HTTP 503 with {@code Retry-After}; the tracker has logged the cause. */
@Provider
@ApplicationScoped
public class StoreFailureMapper implements ExceptionMapper<SessionStoreException> {

    /** Seconds a client should wait before it tries again. */
    static final int RETRY_AFTER_SECONDS = 5;

    @Override
    public Response toResponse(SessionStoreException exception) {
        return Response.status(Response.Status.SERVICE_UNAVAILABLE)
                .header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                .type(MediaType.TEXT_PLAIN_TYPE)
                .entity("The session store is unavailable. Try again shortly.")
                .build();
    }
}
