package io.github.usersession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.usersession.state.CookieUpdate;
import io.github.usersession.state.SessionRequest;
import io.github.usersession.state.SessionTracker;
import io.github.usersession.testing.SessionContainer;

import jakarta.enterprise.context.control.RequestContextController;

class UserSessionTest {

    /** A typed value as applications keep them: a record, mapped by JSON-B. */
    public record Cart(List<String> items, int total) {
    }

    SessionContainer container;

    @BeforeEach
    void start() {
        container = SessionContainer.start(Map.of("usersession.max-age", "P1D"));
    }

    @AfterEach
    void stop() {
        container.close();
    }

    String write(String cookie, java.util.function.Consumer<UserSession> work) {
        return container.request(cookie, work).flatMap(CookieUpdate::value).orElseThrow();
    }

    @Test
    void readOnlyGuestRequestCreatesNothing() {
        Optional<CookieUpdate> update = container.request(null, session -> {
            assertThat(session.isGuest()).isTrue();
            assertThat(session.get("color")).isEmpty();
            assertThat(session.flashes()).isEmpty();
        });

        assertThat(update).isEmpty();
        assertThat(container.memoryStore().size()).isZero();
    }

    @Test
    void requestThatNeverUsesSessionLeavesCookieAlone() {
        String cookie = write(null, session -> session.put("color", "red"));

        assertThat(container.request(cookie, session -> { })).isEmpty();
        assertThat(container.request("unknown", session -> { })).isEmpty();
    }

    @Test
    void writeCreatesSessionReadByNextRequest() {
        Optional<CookieUpdate> created = container.request(null, session -> session.put("color", "red"));
        List<String> seen = new ArrayList<>();

        Optional<CookieUpdate> readOnly = container.request(created.orElseThrow().value().orElseThrow(),
                session -> seen.add(session.get("color").orElseThrow()));

        assertThat(created.orElseThrow().maxAgeSeconds()).isEqualTo(Duration.ofDays(1).toSeconds());
        assertThat(seen).containsExactly("red");
        assertThat(readOnly).isEmpty();
    }

    @Test
    void deleteRemovesKey() {
        String cookie = write(null, session -> session.put("color", "red"));

        write(cookie, session -> session.delete("color"));

        container.request(cookie, session -> assertThat(session.get("color")).isEmpty());
    }

    @Test
    void setUserIdRotatesIdAndKeepsData() {
        String guestCookie = write(null, session -> session.put("color", "red"));

        String userCookie = write(guestCookie, session -> session.setUserId("alice"));

        assertThat(userCookie).isNotEqualTo(guestCookie).hasSize(43);
        container.request(userCookie, session -> {
            assertThat(session.userId()).contains("alice");
            assertThat(session.isGuest()).isFalse();
            assertThat(session.get("color")).contains("red");
        });
        container.request(guestCookie, session -> assertThat(session.isGuest()).isTrue());
    }

    @Test
    void userIdAndFlashesDoNotClashWithKeys() {
        String cookie = write(null, session -> {
            session.setUserId("alice");
            session.put("userId", "mallory");
            session.put("flashes", "[]");
            session.flash(Flash.of("hello"));
        });

        container.request(cookie, session -> {
            assertThat(session.userId()).contains("alice");
            assertThat(session.get("userId")).contains("mallory");
            assertThat(session.flashes()).containsExactly(Flash.of("hello"));
        });
    }

    @Test
    void destroyRemovesDataAndExpiresCookie() {
        String cookie = write(null, session -> session.setUserId("alice"));

        Optional<CookieUpdate> logout = container.request(cookie, UserSession::destroy);

        assertThat(logout).hasValueSatisfying(update -> assertThat(update.expires()).isTrue());
        assertThat(container.memoryStore().size()).isZero();
        container.request(cookie, session -> assertThat(session.isGuest()).isTrue());
    }

    @Test
    void writeAfterDestroyStartsNewSession() {
        String cookie = write(null, session -> session.setUserId("alice"));

        String after = write(cookie, session -> {
            session.destroy();
            session.flash(Flash.of("info", "You are signed out."));
        });

        assertThat(after).isNotEqualTo(cookie);
        container.request(after, session -> {
            assertThat(session.isGuest()).isTrue();
            assertThat(session.flashes()).containsExactly(Flash.of("info", "You are signed out."));
        });
    }

    @Test
    void flashesAreShownOnceInOrder() {
        String cookie = write(null, session -> {
            session.flash(Flash.of("first"));
            session.flash(Flash.of("warning", "second"));
        });
        List<Flash> shown = new ArrayList<>();

        container.request(cookie, session -> shown.addAll(session.flashes()));

        assertThat(shown).containsExactly(Flash.of("first"), Flash.of("warning", "second"));
        container.request(cookie, session -> assertThat(session.flashes()).isEmpty());
    }

    @Test
    void typedObjectRoundTripsAsJson() {
        Cart cart = new Cart(List.of("apple", "pear ü 😀"), 2);

        String cookie = write(null, session -> session.putObject("cart", cart));

        container.request(cookie, session -> {
            assertThat(session.getObject("cart", Cart.class)).contains(cart);
            assertThat(session.get("cart").orElseThrow()).contains("\"items\":[\"apple\",\"pear ü 😀\"]");
        });
    }

    @Test
    void objectReadAsWrongTypeFailsWithKey() {
        String cookie = write(null, session -> session.put("cart", "not json"));

        container.request(cookie, session -> assertThatThrownBy(() -> session.getObject("cart", Cart.class))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("Session value 'cart' cannot be read as " + Cart.class.getName()));
    }

    @Test
    void sessionPastMaxAgeIsGuest() {
        String cookie = write(null, session -> session.setUserId("alice"));
        container.clock().advance(Duration.ofDays(1));

        Optional<CookieUpdate> update = container.request(cookie, session -> assertThat(session.isGuest()).isTrue());

        assertThat(update).hasValueSatisfying(expiry -> assertThat(expiry.expires()).isTrue());
    }

    @Test
    void cookieMaxAgeCountsDownFromCreation() {
        String cookie = write(null, session -> session.put("a", "1"));
        container.clock().advance(Duration.ofHours(10));

        Optional<CookieUpdate> update = container.request(cookie, session -> session.put("b", "2"));

        assertThat(update.orElseThrow().maxAgeSeconds()).isEqualTo(Duration.ofHours(14).toSeconds());
    }

    @Test
    void argumentsAreChecked() {
        container.request(null, session -> {
            assertThatThrownBy(() -> session.put(null, "v")).hasMessage("key must not be null");
            assertThatThrownBy(() -> session.put(" ", "v")).hasMessage("key must not be blank");
            assertThatThrownBy(() -> session.put("k", null)).hasMessage("value must not be null");
            assertThatThrownBy(() -> session.setUserId("")).hasMessage("userId must not be blank");
            assertThatThrownBy(() -> session.flash(null)).hasMessage("flash must not be null");
            assertThatThrownBy(() -> session.getObject("k", null)).hasMessage("type must not be null");
            assertThatThrownBy(() -> session.put("k".repeat(256), "v"))
                    .hasMessage("key must have at most 255 characters: 256 characters given");
            assertThatThrownBy(() -> session.setUserId("u".repeat(300)))
                    .hasMessage("userId must have at most 255 characters: 300 characters given");
            assertThatThrownBy(() -> Flash.of("k".repeat(256), "m"))
                    .hasMessage("kind must have at most 255 characters: 256 characters given");
        });
    }

    @Test
    void useOutsideTrackedRequestFailsWithAdvice() {
        RequestContextController context = container.bean(RequestContextController.class);
        context.activate();
        try {
            assertThatThrownBy(() -> container.bean(UserSession.class).get("a"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageStartingWith("USESS-0102: UserSession was used outside a JAX-RS request");
        } finally {
            context.deactivate();
        }
    }

    @Test
    void renderingMayChangeOnlyWithFlashesOrUnloadedCookie() {
        String withFlash = write(null, session -> session.flash(Flash.of("x")));
        RequestContextController context = container.bean(RequestContextController.class);

        context.activate();
        try {
            SessionTracker tracker = container.bean(SessionTracker.class);
            tracker.begin(new SessionRequest(List.of(withFlash), 0, false, "/"));
            assertThat(tracker.mayChangeWhileRendering()).isTrue();
            container.bean(UserSession.class).flashes();
            assertThat(tracker.mayChangeWhileRendering()).isFalse();
        } finally {
            context.deactivate();
        }

        context.activate();
        try {
            SessionTracker tracker = container.bean(SessionTracker.class);
            tracker.begin(new SessionRequest(List.of(), 0, false, "/"));
            assertThat(tracker.mayChangeWhileRendering()).isFalse();
        } finally {
            context.deactivate();
        }
    }
}
