package io.github.usersession.bench;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The same endpoints as {@link UserSessionResource} on the server's {@link HttpSession}.
 * A request without a session gets HTTP 409, which wrk counts as a non-2xx response.
 */
@Path("http")
@ApplicationScoped
public class HttpSessionResource {

    @POST
    @Path("start")
    @Produces(MediaType.TEXT_PLAIN)
    public String start(@Context HttpServletRequest request) {
        HttpSession session = request.getSession(true);
        session.setAttribute(BenchSession.COLOR, BenchSession.COLOR_VALUE);
        session.setAttribute(BenchSession.COUNTER, "0");
        session.setAttribute(BenchSession.PROFILE, BenchSession.PROFILE_VALUE);
        return "started";
    }

    @GET
    @Path("read")
    @Produces(MediaType.TEXT_PLAIN)
    public Response read(@Context HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return Response.status(Response.Status.CONFLICT).build();
        }
        return Response.ok(session.getAttribute(BenchSession.COLOR)).build();
    }

    @POST
    @Path("write")
    @Produces(MediaType.TEXT_PLAIN)
    public Response write(@Context HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null) {
            return Response.status(Response.Status.CONFLICT).build();
        }
        String next = BenchSession.next((String) session.getAttribute(BenchSession.COUNTER));
        session.setAttribute(BenchSession.COUNTER, next);
        return Response.ok(next).build();
    }
}
