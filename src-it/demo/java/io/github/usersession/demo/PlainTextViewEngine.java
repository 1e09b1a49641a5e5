package io.github.usersession.demo;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

import io.github.usersession.Flash;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mvc.engine.ViewEngine;
import jakarta.mvc.engine.ViewEngineContext;

/**
 * A view engine that, like Thymeleaf or Freemarker, reads nothing but {@code Models}: it writes
 * the view's name and one line per flash.
 */
@ApplicationScoped
@Priority(ViewEngine.PRIORITY_APPLICATION)
public class PlainTextViewEngine implements ViewEngine {

    static final String EXTENSION = ".txt";

    /** Name of the model that decides whether the view shows the flashes. */
    static final String SHOW_FLASHES = "showFlashes";

    @Override
    public boolean supports(String view) {
        return view.endsWith(EXTENSION);
    }

    @Override
    public void processView(ViewEngineContext context) {
        StringBuilder text = new StringBuilder("view: ").append(context.getView()).append('\n');
        if (Boolean.TRUE.equals(context.getModels().get(SHOW_FLASHES))) {
            for (Object flash : (Iterable<?>) context.getModels().get("flashes")) {
                text.append(((Flash) flash).kind()).append(": ").append(((Flash) flash).message()).append('\n');
            }
        }

        try {
            context.getOutputStream().write(text.toString().getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
