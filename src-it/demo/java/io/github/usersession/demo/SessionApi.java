package io.github.usersession.demo;

import io.github.usersession.Flash;
import io.github.usersession.UserSession;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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

    /** The body of {@code POST /api/reminders}: the flash that the next page shows. */
    public record QueuedFlash(String kind, String message) {
    }

    static final Flash REMINDER = Flash.of("warning", "This reminder was queued by a background request.");

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

    /** Queues a reminder flash from a script's background request. The next page that renders shows it. */
    @POST
    @Path("reminders")
    @Produces(MediaType.APPLICATION_JSON)
    public QueuedFlash remind() {
        session.flash(REMINDER);
        return new QueuedFlash(REMINDER.kind(), REMINDER.message());
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
