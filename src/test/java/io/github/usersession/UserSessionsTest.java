package io.github.usersession;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;

import io.github.usersession.state.CookieUpdate;
import io.github.usersession.state.SessionIds;
import io.github.usersession.testing.SessionContainer;
import io.github.usersession.testing.TestSettings;

/** "Log out everywhere" with the memory store; JdbcStoreTest covers the JDBC store's index. */
class UserSessionsTest {

    static String signIn(SessionContainer container, String userId) {
        return write(container, null, session -> session.setUserId(userId));
    }

    static String write(SessionContainer container, String cookie, Consumer<UserSession> work) {
        return container.request(cookie, work).flatMap(CookieUpdate::value).orElseThrow();
    }

    @Test
    void listsLiveSessionsMarkingCurrent() {
        try (SessionContainer container = SessionContainer.start(Map.of("usersession.max-age", "P1D"))) {
            String laptop = signIn(container, "alice");
            container.clock().advance(Duration.ofMinutes(5));
            String phone = signIn(container, "alice");
            signIn(container, "bob");

            container.request(phone, session -> {
                List<SessionInfo> sessions = container.bean(UserSessions.class).sessionsOf("alice");

                assertThat(sessions).extracting(SessionInfo::idPrefix)
                        .containsExactly(SessionIds.prefix(phone), SessionIds.prefix(laptop));
                assertThat(sessions).extracting(SessionInfo::current).containsExactly(true, false);
            });
        }
    }

    @Test
    void invalidateOthersKeepsCurrent() {
        try (SessionContainer container = SessionContainer.start(Map.of())) {
            String laptop = signIn(container, "alice");
            String phone = signIn(container, "alice");
            String bob = signIn(container, "bob");

            container.request(phone, session -> {
                session.userId();
                assertThat(container.bean(UserSessions.class).invalidateOthers("alice")).isEqualTo(1);
            });

            container.request(laptop, session -> assertThat(session.isGuest()).isTrue());
            container.request(phone, session -> assertThat(session.userId()).contains("alice"));
            container.request(bob, session -> assertThat(session.userId()).contains("bob"));
        }
    }

    @Test
    void invalidateAllEndsEverySession() {
        try (SessionContainer container = SessionContainer.start(Map.of())) {
            String laptop = signIn(container, "alice");
            String phone = signIn(container, "alice");

            container.request(phone, session -> assertThat(container.bean(UserSessions.class).invalidateAll("alice"))
                    .isEqualTo(2));

            container.request(laptop, session -> assertThat(session.isGuest()).isTrue());
            container.request(phone, session -> assertThat(session.isGuest()).isTrue());
        }
    }

    @Test
    void expiredSessionsDropOut() {
        try (SessionContainer container = SessionContainer.start(Map.of("usersession.max-age", "1h"))) {
            signIn(container, "alice");
            container.clock().advance(Duration.ofHours(1));

            container.request(null, session -> assertThat(container.bean(UserSessions.class).sessionsOf("alice")).isEmpty());
        }
    }

    @Test
    void cookieStoreCannotListSessions() {
        try (SessionContainer container = SessionContainer.start(Map.of("usersession.store", "cookie",
                "usersession.secret", TestSettings.SECRET))) {
            container.request(null, session -> assertThatThrownBy(() -> container.bean(UserSessions.class).sessionsOf("alice"))
                    .isInstanceOf(UnsupportedOperationException.class)
                    .hasMessageStartingWith("The session store 'cookie' keeps no sessions on the server"));
        }
    }
}
