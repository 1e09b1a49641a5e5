package io.github.usersession.web;

import org.jboss.logging.Logger;

import io.github.usersession.SessionTooLargeException;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/**
 * Maps a session that outgrew its store to HTTP 500 and logs the cause: the application put too
 * much into the session, which no retry by the client fixes. The stored session stays as it was.
 */
@Provider
@ApplicationScoped
public class SessionTooLargeMapper implements ExceptionMapper<SessionTooLargeException> {

    private static final Logger LOG = Logger.getLogger(SessionTooLargeMapper.class);

    @Override
    public Response toResponse(SessionTooLargeException exception) {
        LOG.error(exception.getMessage());
        return Response.serverError()
                .type(MediaType.TEXT_PLAIN_TYPE)
                .entity("The session could not be saved.")
                .build();
    }
}
