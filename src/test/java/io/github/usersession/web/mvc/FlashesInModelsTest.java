package io.github.usersession.web.mvc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.usersession.Flash;
import io.github.usersession.state.CookieUpdate;
import io.github.usersession.testing.SessionContainer;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.mvc.Models;
import jakarta.mvc.engine.ViewEngine;
import jakarta.mvc.event.BeforeProcessViewEvent;

/** Flashes in Jakarta MVC's {@code Models}, for view engines that read nothing else. */
class FlashesInModelsTest {

    /** The request's models, as an MVC implementation provides them. */
    @RequestScoped
    public static class RequestModels implements Models {

        private final Map<String, Object> values = new LinkedHashMap<>();

        @Override
        public Models put(String name, Object model) {
            values.put(name, model);
            return this;
        }

        @Override
        public Object get(String name) {
            return values.get(name);
        }

        @Override
        public <T> T get(String name, Class<T> type) {
            return type.cast(values.get(name));
        }

        @Override
        public Map<String, Object> asMap() {
            return values;
        }

        @Override
        public Iterator<String> iterator() {
            return values.keySet().iterator();
        }
    }

    /** The event an MVC implementation fires before a view engine renders. */
    record ViewAboutToRender(String getView) implements BeforeProcessViewEvent {

        @Override
        public Class<? extends ViewEngine> getEngine() {
            return ViewEngine.class;
        }
    }

    SessionContainer container;
    String cookie;

    @BeforeEach
    void start() {
        container = SessionContainer.start(Map.of(), RequestModels.class);
        cookie = container.request(null, session -> session.flash(Flash.of("Welcome!")))
                .flatMap(CookieUpdate::value).orElseThrow();
    }

    @AfterEach
    void stop() {
        container.close();
    }

    void renderView(Runnable view) {
        container.request(cookie, session -> {
            container.bean(BeanManager.class).getEvent().fire(new ViewAboutToRender("home.html"));
            view.run();
        });
    }

    @Test
    @SuppressWarnings("unchecked")
    void modelsViewShowsFlashesOnce() {
        renderView(() -> assertThat((List<Object>) container.bean(Models.class).get("flashes"))
                .containsExactly(Flash.of("Welcome!")));

        container.request(cookie, session -> assertThat(session.flashes()).isEmpty());
    }

    @Test
    void unreadModelsKeepFlashes() {
        renderView(() -> assertThat(container.bean(Models.class).get("flashes")).isNotNull());

        container.request(cookie, session -> assertThat(session.flashes()).containsExactly(Flash.of("Welcome!")));
    }

    @Test
    void controllerValueStays() {
        container.request(cookie, session -> {
            container.bean(Models.class).put("flashes", "the controller's own");
            container.bean(BeanManager.class).getEvent().fire(new ViewAboutToRender("home.html"));

            assertThat(container.bean(Models.class).get("flashes")).isEqualTo("the controller's own");
        });
    }
}
