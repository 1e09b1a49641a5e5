package io.github.usersession.demo;

import java.nio.charset.StandardCharsets;

import io.github.usersession.Flash;
import io.github.usersession.UserSession;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.StreamingOutput;

/** A mistake on purpose: a flash queued while the body is written, after the session was saved. */
@Path("api/late")
@RequestScoped
public class LateApi {

    @Inject
    UserSession session;

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public StreamingOutput late() {
        session.put("late", "visited");
        return out -> {
            session.flash(Flash.of("warning", "This flash comes too late."));
            out.write("written\n".getBytes(StandardCharsets.UTF_8));
        };
    }
}
