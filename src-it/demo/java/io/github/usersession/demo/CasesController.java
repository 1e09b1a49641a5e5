package io.github.usersession.demo;

import io.github.usersession.Flash;
import io.github.usersession.UserSession;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.mvc.Controller;
import jakarta.mvc.Models;
import jakarta.mvc.security.CsrfProtected;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * One page per flash case: a form shown again with a flash for this view only, a flash kept for
 * one more page, a flash that waits for its page, and the same flashes in Facelets and in a view
 * engine that reads only {@code Models}.
 */
@Controller
@Path("cases")
@Produces(MediaType.TEXT_HTML)
@RequestScoped
public class CasesController {

    static final String REPORT_PAGE = "/cases/report";

    @Inject
    UserSession session;

    @Inject
    Models models;

    @Inject
    Notice notice;

    @GET
    public String cases() {
        return page("Flash cases");
    }

    /** Handles a form that Jakarta MVC's CSRF check protects: an error shows at once, a success after the redirect. */
    @POST
    @Path("form")
    @CsrfProtected
    public String form(@FormParam("name") String name) {
        if (name == null || name.isBlank()) {
            session.flashNow(Flash.of("danger", "Please enter a name."));
            return page("Flash cases");
        }

        notice.setText("The form was sent.");
        session.flash(Flash.of("Thanks, " + name.strip() + "."));
        return "redirect:/cases";
    }

    /** Queues a flash; with a page, the flash waits for that page. An invalid page shows the form again. */
    @POST
    @Path("queue")
    public String queue(@FormParam("kind") String kind, @FormParam("message") String message,
                        @FormParam("page") String page) {
        Flash flash = Flash.of(kind == null || kind.isBlank() ? Flash.SUCCESS : kind, message == null ? "" : message);
        try {
            session.flash(page == null || page.isBlank() ? flash : flash.forPage(page.strip()));
        } catch (IllegalArgumentException e) {
            session.flashNow(Flash.of("danger", e.getMessage()));
            return page("Flash cases");
        }
        return "redirect:/cases";
    }

    /** Renders the page that flashes for {@value #REPORT_PAGE} wait for. */
    @GET
    @Path("report")
    public String report() {
        return page("Report");
    }

    /** Shows the flashes and keeps them for the next page too. */
    @GET
    @Path("kept")
    public String kept() {
        session.keepFlashes();
        return page("Kept flashes");
    }

    /** Renders the flashes in a Facelets view. */
    @GET
    @Path("facelets")
    public String facelets() {
        return "cases.xhtml";
    }

    /**
     * Renders the flashes in a view engine that reads only {@code Models}. With {@code show=false}
     * the view does not read them, so they stay queued.
     */
    @GET
    @Path("text")
    @Produces(MediaType.TEXT_PLAIN)
    public String text(@QueryParam("show") String show) {
        models.put(PlainTextViewEngine.SHOW_FLASHES, !"false".equals(show));
        return "cases" + PlainTextViewEngine.EXTENSION;
    }

    private String page(String title) {
        models.put("title", title);
        return "cases.jsp";
    }
}
