package io.github.usersession.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.usersession.Flash;
import io.github.usersession.state.CookieUpdate;
import io.github.usersession.testing.SessionContainer;

import jakarta.enterprise.inject.literal.NamedLiteral;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.util.TypeLiteral;

class FlashesProducerTest {

    static final TypeLiteral<List<Flash>> FLASH_LIST = new TypeLiteral<>() { };

    @Test
    void viewReadingFlashesConsumesThemOnce() {
        try (SessionContainer container = SessionContainer.start(Map.of())) {
            String cookie = container.request(null, session -> session.flash(Flash.of("Welcome!")))
                    .flatMap(CookieUpdate::value).orElseThrow();

            container.request(cookie, session -> {
                List<Flash> flashes = container.bean(BeanManager.class).createInstance()
                        .select(FLASH_LIST, NamedLiteral.of(FlashesProducer.NAME)).get();
                assertThat(flashes).containsExactly(Flash.of("Welcome!"));
                assertThat(flashes).as("a second read in the same view").containsExactly(Flash.of("Welcome!"));
            });

            container.request(cookie, session -> assertThat(session.flashes()).isEmpty());
        }
    }

    @Test
    void requestThatNeverReadsFlashesKeepsThem() {
        try (SessionContainer container = SessionContainer.start(Map.of())) {
            String cookie = container.request(null, session -> session.flash(Flash.of("Welcome!")))
                    .flatMap(CookieUpdate::value).orElseThrow();

            container.request(cookie, session -> session.get("anything"));

            container.request(cookie, session -> assertThat(session.flashes()).containsExactly(Flash.of("Welcome!")));
        }
    }
}
