package io.github.usersession.demo;

import io.github.usersession.UserSession;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** A small JSON and text API on the same session, as a single-page script would call it. */
@Path("api")
@RequestScoped
public class SessionApi {

    /** The body of {@code GET /api/session}. Reading it leaves the flashes queued for the next page. */
    public record SessionView(String userId, boolean guest, String color, java.util.List<String> cart) {
    }

    @Inject
    UserSession session;

    @GET
    @Path("session")
    @Produces(MediaType.APPLICATION_JSON)
    public SessionView session() {
        return new SessionView(session.userId().orElse(null), session.isGuest(),
                session.get(HomeController.COLOR).orElse(null),
                session.getObject(HomeController.CART, Cart.class).orElse(Cart.empty()).items());
    }

    @DELETE
    @Path("session")
    public void destroy() {
        session.destroy();
    }

    @GET
    @Path("values/{key}")
    @Produces(MediaType.TEXT_PLAIN)
    public Response get(@PathParam("key") String key) {
        return session.get(key)
                .map(value -> Response.ok(value).build())
                .orElseGet(() -> Response.status(Response.Status.NOT_FOUND).build());
    }

    @PUT
    @Path("values/{key}")
    @Consumes(MediaType.TEXT_PLAIN)
    public void put(@PathParam("key") String key, String value) {
        session.put(key, value);
    }

    @DELETE
    @Path("values/{key}")
    public void delete(@PathParam("key") String key) {
        session.delete(key);
    }
}
