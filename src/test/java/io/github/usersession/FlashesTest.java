package io.github.usersession;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.github.usersession.state.CookieUpdate;
import io.github.usersession.state.SessionRequest;
import io.github.usersession.state.SessionTracker;
import io.github.usersession.testing.LogCapture;
import io.github.usersession.testing.SessionContainer;
import io.github.usersession.testing.TestSettings;

import jakarta.enterprise.context.control.RequestContextController;

/**
 * The flash cases of a user's requests, on the memory store (which takes flashes atomically) and
 * the cookie store (which removes them when it saves the request).
 */
class FlashesTest {

    static final int MAX_QUEUED = 3;

    SessionContainer container;
    String cookie;

    void start(String store) {
        Map<String, String> config = new HashMap<>(Map.of("usersession.store", store, "usersession.max-age", "P1D",
                "usersession.flash.max-queued", Integer.toString(MAX_QUEUED)));
        if (store.equals("cookie")) {
            config.put("usersession.secret", TestSettings.SECRET);
        }
        container = SessionContainer.start(config);
    }

    @AfterEach
    void stop() {
        container.close();
    }

    /** Runs a request for a page with the browser's cookie, and keeps the cookie the response sets. */
    Optional<CookieUpdate> request(String page, Consumer<UserSession> work) {
        Optional<CookieUpdate> update = container.request(cookie, page, work);
        update.ifPresent(set -> cookie = set.value().orElse(null));
        return update;
    }

    /** Renders a page that shows the flashes, and returns them. */
    List<Flash> render(String page) {
        List<Flash> shown = new ArrayList<>();
        request(page, session -> shown.addAll(session.flashes()));
        return shown;
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "cookie"})
    void flashShowsOnceOnNextPage(String store) {
        start(store);
        request("/login", session -> {
            session.setUserId("alice");
            session.flash(Flash.of("Welcome!"));
        });

        request("/api/session", session -> session.userId());
        request("/api/cart", session -> session.put("cart", "[]"));
        request("/missing", session -> { });

        assertThat(render("/")).containsExactly(Flash.of("Welcome!"));
        assertThat(render("/")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "cookie"})
    void flashNowIsNeverStored(String store) {
        start(store);
        request("/", session -> session.flash(Flash.of("queued")));
        List<Flash> shown = new ArrayList<>();

        Optional<CookieUpdate> update = request("/login", session -> {
            session.flashNow(Flash.of("danger", "Wrong password."));
            shown.addAll(session.flashes());
            shown.addAll(session.flashes());
        });

        assertThat(shown).containsExactly(Flash.of("queued"), Flash.of("danger", "Wrong password."),
                Flash.of("danger", "Wrong password."));
        assertThat(render("/")).isEmpty();
        if (store.equals("memory")) {
            assertThat(update).as("the store removed the flash itself; nothing to save").isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "cookie"})
    void flashNowOfGuestWritesNoCookie(String store) {
        start(store);
        List<Flash> shown = new ArrayList<>();

        Optional<CookieUpdate> update = request("/login", session -> {
            session.flashNow(Flash.of("danger", "Wrong password."));
            shown.addAll(session.flashes());
        });

        assertThat(shown).containsExactly(Flash.of("danger", "Wrong password."));
        assertThat(update).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "cookie"})
    void keptFlashesShowAgain(String store) {
        start(store);
        request("/", session -> session.flash(Flash.of("kept")));

        assertThat(render("/")).containsExactly(Flash.of("kept"));
        List<Flash> shown = new ArrayList<>();
        request("/", session -> {
            shown.addAll(session.flashes());
            session.keepFlashes();
        });
        assertThat(shown).as("keeping after the flashes were shown and gone keeps nothing").isEmpty();

        request("/", session -> session.flash(Flash.of("again")));
        shown.clear();
        request("/wizard/1", session -> {
            session.keepFlashes();
            shown.addAll(session.flashes());
        });
        assertThat(shown).containsExactly(Flash.of("again"));
        assertThat(render("/wizard/2")).containsExactly(Flash.of("again"));
        assertThat(render("/wizard/3")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "cookie"})
    void flashWaitsForItsPage(String store) {
        start(store);
        request("/cart/add", session -> {
            session.flash(Flash.of("info", "Added to cart.").forPage("/cart"));
            session.flash(Flash.of("Saved."));
        });

        assertThat(render("/")).containsExactly(Flash.of("Saved."));
        assertThat(render("/account")).isEmpty();
        assertThat(render("/cart/")).containsExactly(Flash.of("info", "Added to cart.").forPage("/cart"));
        assertThat(render("/cart")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "cookie"})
    void capDropsOldestFlashes(String store) {
        start(store);
        try (LogCapture log = new LogCapture()) {
            request("/", session -> {
                for (int i = 1; i <= 5; i++) {
                    session.flash(Flash.of("flash " + i));
                }
            });
            request("/api/more", session -> session.flash(Flash.of("flash 6")));

            assertThat(render("/")).containsExactly(Flash.of("flash 4"), Flash.of("flash 5"), Flash.of("flash 6"));
            assertThat(log.debugMessages()).filteredOn(line -> line.startsWith("Dropped")).containsExactly(
                    "Dropped the 2 oldest queued flash(es): a session keeps at most 3 (usersession.flash.max-queued)",
                    "Dropped the 1 oldest queued flash(es): a session keeps at most 3 (usersession.flash.max-queued)");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"memory", "cookie"})
    void lateFlashIsWarnedWithPath(String store) {
        start(store);
        RequestContextController context = container.bean(RequestContextController.class);

        try (LogCapture log = new LogCapture()) {
            context.activate();
            try {
                SessionTracker tracker = container.bean(SessionTracker.class);
                tracker.begin(new SessionRequest(List.of(), 0, false, "/shop", "/report", "/shop/api/report",
                        "GET"));
                UserSession session = container.bean(UserSession.class);
                session.put("seen", "yes");
                tracker.finish();

                session.flash(Flash.of("Too late"));
            } finally {
                context.deactivate();
            }

            assertThat(log.messages()).contains("USESS-0107: A flash was queued after the response to /shop/api/report"
                    + " was saved, so the change is lost. Change the session before the response is written: in the"
                    + " resource method or a request filter, not while the response body is written.");
        }
    }
}
