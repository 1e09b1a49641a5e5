package io.github.usersession;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import io.github.usersession.state.CookieUpdate;
import io.github.usersession.state.SessionIds;
import io.github.usersession.testing.EventRecorder;
import io.github.usersession.testing.SessionContainer;
import io.github.usersession.testing.TestClock;
import io.github.usersession.testing.TestSettings;

/** Timeouts, sliding expiry and lifecycle events, in the memory store and the cookie store. */
class SessionLifecycleTest {

    static final Map<String, String> MEMORY = Map.of(
            "usersession.max-age", "P1D", "usersession.idle-timeout", "30m", "usersession.idle-touch-interval", "1m");
    static final Map<String, String> COOKIE = Map.of(
            "usersession.store", "cookie", "usersession.secret", TestSettings.SECRET,
            "usersession.max-age", "P1D", "usersession.idle-timeout", "30m", "usersession.idle-touch-interval", "1m");

    static String write(SessionContainer container, String cookie, Consumer<UserSession> work) {
        return container.request(cookie, work).flatMap(CookieUpdate::value).orElseThrow();
    }

    static void idleSessionExpires(Map<String, String> config) {
        try (SessionContainer container = SessionContainer.start(config)) {
            String cookie = write(container, null, session -> session.setUserId("alice"));

            container.clock().advance(Duration.ofMinutes(29));
            container.request(cookie, session -> assertThat(session.userId()).contains("alice"));
            container.clock().advance(Duration.ofMinutes(30));
            Optional<CookieUpdate> late = container.request(cookie, session -> assertThat(session.isGuest()).isTrue());

            assertThat(late).hasValueSatisfying(update -> assertThat(update.expires()).isTrue());
        }
    }

    @Test
    void idleSessionExpiresInMemoryStore() {
        idleSessionExpires(MEMORY);
    }

    @Test
    void idleSessionExpiresInCookieStore() {
        idleSessionExpires(COOKIE);
    }

    static void readsSlideIdleExpiry(Map<String, String> config) {
        try (SessionContainer container = SessionContainer.start(config)) {
            String cookie = write(container, null, session -> session.setUserId("alice"));

            for (int minute = 0; minute < 120; minute += 20) {
                container.clock().advance(Duration.ofMinutes(20));
                Optional<CookieUpdate> touched = container.request(cookie, session ->
                        assertThat(session.userId()).contains("alice"));
                assertThat(touched).as("touch at minute %d", minute + 20).isPresent();
                assertThat(touched.get().maxAgeSeconds()).isEqualTo(Duration.ofMinutes(30).toSeconds());
                cookie = touched.get().value().orElseThrow();
            }
        }
    }

    @Test
    void readsSlideIdleExpiryInMemoryStore() {
        readsSlideIdleExpiry(MEMORY);
    }

    @Test
    void readsSlideIdleExpiryInCookieStore() {
        readsSlideIdleExpiry(COOKIE);
    }

    @Test
    void readsWithinTouchIntervalWriteNothing() {
        try (SessionContainer container = SessionContainer.start(MEMORY)) {
            String cookie = write(container, null, session -> session.put("a", "1"));
            container.clock().advance(Duration.ofSeconds(59));

            assertThat(container.request(cookie, session -> session.get("a"))).isEmpty();
        }
    }

    @Test
    void cookieMaxAgeIsEarlierOfBothLimits() {
        try (SessionContainer container = SessionContainer.start(MEMORY)) {
            Optional<CookieUpdate> fresh = container.request(null, session -> session.put("a", "1"));
            String cookie = fresh.flatMap(CookieUpdate::value).orElseThrow();
            for (int step = 0; step < 71; step++) {
                container.clock().advance(Duration.ofMinutes(20));
                container.request(cookie, session -> session.get("a"));
            }
            container.clock().advance(Duration.ofMinutes(10));

            Optional<CookieUpdate> nearEnd = container.request(cookie, session -> session.put("b", "2"));

            assertThat(fresh.orElseThrow().maxAgeSeconds()).isEqualTo(Duration.ofMinutes(30).toSeconds());
            assertThat(nearEnd.orElseThrow().value()).contains(cookie);
            assertThat(nearEnd.orElseThrow().maxAgeSeconds()).isEqualTo(Duration.ofMinutes(10).toSeconds());
        }
    }

    @Test
    void absoluteLimitHoldsDespiteActivity() {
        try (SessionContainer container = SessionContainer.start(MEMORY)) {
            String cookie = write(container, null, session -> session.setUserId("alice"));

            for (int step = 0; step < 24 * 3; step++) {
                container.clock().advance(Duration.ofMinutes(20));
                Optional<CookieUpdate> update = container.request(cookie, session -> session.get("a"));
                if (update.isPresent() && update.get().value().isPresent()) {
                    cookie = update.get().value().get();
                    assertThat(update.get().maxAgeSeconds()).isPositive().isLessThanOrEqualTo(30 * 60);
                }
            }

            container.request(cookie, session -> assertThat(session.isGuest()).isTrue());
        }
    }

    @Test
    void lifecycleEventsCarryPrefixUserAndTime() {
        try (SessionContainer container = SessionContainer.start(MEMORY, EventRecorder.class)) {
            EventRecorder recorder = container.bean(EventRecorder.class);

            String guest = write(container, null, session -> session.put("a", "1"));
            String user = write(container, guest, session -> session.setUserId("alice"));
            container.request(user, UserSession::destroy);

            assertThat(recorder.events()).extracting(event -> event.getClass().getSimpleName())
                    .containsExactly("SessionCreated", "UserSignedIn", "SessionDestroyed");
            assertThat(recorder.events().get(0).userId()).isEmpty();
            assertThat(recorder.events().get(0).sessionIdPrefix()).isEqualTo(SessionIds.prefix(guest));
            assertThat(recorder.events().get(1).userId()).contains("alice");
            assertThat(recorder.events().get(1).sessionIdPrefix()).isEqualTo(SessionIds.prefix(user));
            assertThat(recorder.events().get(2).sessionIdPrefix()).isEqualTo(SessionIds.prefix(user));
            assertThat(recorder.events().get(2).userId()).contains("alice");
            assertThat(recorder.events()).allSatisfy(event -> {
                assertThat(event.time()).isEqualTo(TestClock.START);
                assertThat(event.sessionIdPrefix()).hasSize(9).endsWith("...");
                assertThat(event.toString()).doesNotContain(guest).doesNotContain(user);
            });
        }
    }

    @Test
    void expiredSessionFiresExpiredEvent() {
        try (SessionContainer container = SessionContainer.start(COOKIE, EventRecorder.class)) {
            EventRecorder recorder = container.bean(EventRecorder.class);
            String cookie = write(container, null, session -> session.setUserId("alice"));
            recorder.clear();
            container.clock().advance(Duration.ofHours(1));

            container.request(cookie, UserSession::isGuest);

            assertThat(recorder.events()).singleElement().isInstanceOf(SessionExpired.class)
                    .satisfies(event -> assertThat(event.userId()).contains("alice"));
        }
    }
}
