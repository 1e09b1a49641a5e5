package io.github.usersession.web.mvc;

import java.util.List;

import io.github.usersession.Flash;
import io.github.usersession.web.FlashesProducer;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Named;
import jakarta.mvc.Models;
import jakarta.mvc.event.BeforeProcessViewEvent;

/**
 * Puts the flashes into Jakarta MVC's {@link Models} before a view renders, for view engines that
 * read only {@code Models} (Thymeleaf, Freemarker and the other engines of Krazo's extensions).
 * JSP and Facelets find {@code ${flashes}} through CDI without it.
 *
 * <p>What goes into {@code Models} is the request-scoped list's CDI client proxy, which
 * takes the flashes from the session only when the view first reads it: a view that never shows
 * flashes leaves them queued. A value the controller put under the same name stays.
 *
 * <p>{@code UserSessionExtension} registers this bean only when the Jakarta MVC API is present.
 */
@ApplicationScoped
public class FlashesInModels {

    void addFlashes(@Observes BeforeProcessViewEvent event, Instance<Models> modelsInstance,
                    @Named(FlashesProducer.NAME) List<Flash> flashes) {
        // An application may have the MVC API without an implementation; then no view renders.
        if (!modelsInstance.isResolvable()) {
            return;
        }

        // NOTE: a controller that returns a Viewable with Models of its own renders with those.
        // They do not get the flashes here, because MVC's event does not name them.
        Models models = modelsInstance.get();
        if (models.get(FlashesProducer.NAME) == null) {
            models.put(FlashesProducer.NAME, flashes);
        }
    }
}
