package io.github.usersession.bench;

import io.github.usersession.UserSession;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Endpoints that read, and read and write, a usersession session. The store is the one the
 * deployment's {@code microprofile-config.properties} chooses. A request without a session gets
 * HTTP 409, which wrk counts as a non-2xx response.
 *
 * <p>Responses are {@code text/plain}, so usersession saves in its response filter, not after a
 * view renders.
 */
@Path("us")
@ApplicationScoped
public class UserSessionResource {

    @Inject
    UserSession session;

    @POST
    @Path("start")
    @Produces(MediaType.TEXT_PLAIN)
    public String start() {
        session.put(BenchSession.COLOR, BenchSession.COLOR_VALUE);
        session.put(BenchSession.COUNTER, "0");
        session.put(BenchSession.PROFILE, BenchSession.PROFILE_VALUE);
        return "started";
    }

    @GET
    @Path("read")
    @Produces(MediaType.TEXT_PLAIN)
    public Response read() {
        return session.get(BenchSession.COLOR)
                .map(color -> Response.ok(color).build())
                .orElseGet(() -> Response.status(Response.Status.CONFLICT).build());
    }

    @POST
    @Path("write")
    @Produces(MediaType.TEXT_PLAIN)
    public Response write() {
        return session.get(BenchSession.COUNTER)
                .map(BenchSession::next)
                .map(next -> {
                    session.put(BenchSession.COUNTER, next);
                    return Response.ok(next).build();
                })
                .orElseGet(() -> Response.status(Response.Status.CONFLICT).build());
    }
}
