package io.github.usersession.bench;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** Endpoints that touch no session: the floor that the session endpoints are compared with. */
@Path("none")
@ApplicationScoped
public class NoSessionResource {

    @GET
    @Path("read")
    @Produces(MediaType.TEXT_PLAIN)
    public String read() {
        return BenchSession.COLOR_VALUE;
    }

    @POST
    @Path("write")
    @Produces(MediaType.TEXT_PLAIN)
    public String write() {
        return BenchSession.COLOR_VALUE;
    }
}
