package io.github.usersession.demo;

import java.util.List;

import io.github.usersession.Flash;
import io.github.usersession.UserSession;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.mvc.Controller;
import jakarta.mvc.Models;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The demo's pages: sign in and out, a color preference and a cart. */
@Controller
@Path("/")
@Produces(MediaType.TEXT_HTML)
@RequestScoped
public class HomeController {

    static final String COLOR = "color";
    static final String CART = "cart";

    @Inject
    UserSession session;

    @Inject
    Models models;

    @GET
    public String home() {
        models.put("user", session.userId().orElse(null));
        models.put("color", session.get(COLOR).orElse(null));
        models.put("cartItems", session.getObject(CART, Cart.class).orElse(Cart.empty()).items());
        return "home.jsp";
    }

    @POST
    @Path("login")
    public String login(@FormParam("username") String username, @FormParam("password") String password) {
        var userId = Users.authenticate(username, password);
        if (userId.isEmpty()) {
            session.flash(Flash.of("danger", "Wrong user name or password."));
            return "redirect:/";
        }

        session.setUserId(userId.get());
        session.flash(Flash.of("Welcome!"));
        return "redirect:/";
    }

    @POST
    @Path("color")
    public String color(@FormParam("color") String color) {
        if (color == null || color.isBlank()) {
            session.delete(COLOR);
            session.flash(Flash.of("info", "Color preference removed."));
        } else {
            session.put(COLOR, color.strip());
            session.flash(Flash.of("info", "Color preference saved."));
        }
        return "redirect:/";
    }

    @POST
    @Path("cart")
    public String addToCart(@FormParam("item") List<String> items) {
        Cart cart = session.getObject(CART, Cart.class).orElse(Cart.empty());
        for (String item : items) {
            if (!item.isBlank()) {
                cart = cart.with(item.strip());
            }
        }
        session.putObject(CART, cart);
        return "redirect:/";
    }

    @POST
    @Path("logout")
    public String logout() {
        session.destroy();
        session.flash(Flash.of("info", "You are signed out."));
        return "redirect:/";
    }
}
