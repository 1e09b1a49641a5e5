package io.github.usersession.store.cookie;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.github.usersession.Flash;
import io.github.usersession.SessionChanges;
import io.github.usersession.SessionTooLargeException;
import io.github.usersession.StoredSession;
import io.github.usersession.config.SameSite;
import io.github.usersession.config.Secret;
import io.github.usersession.config.SecureMode;
import io.github.usersession.config.SessionSettings;

class CookieStoreTest {

    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    static SessionSettings settings(String secret) {
        return new SessionSettings("cookie", "app_session", true, SameSite.LAX, SecureMode.AUTO, "", "",
                Duration.ofDays(30), 10, Secret.of(secret));
    }

    static SessionChanges newSession(Map<String, String> attributes) {
        StoredSession result = new StoredSession("id-1", "alice", attributes, List.of(Flash.of("hi")), NOW, NOW);
        return new SessionChanges(null, result, attributes, Set.of(), true, List.of(Flash.of("hi")), List.of());
    }

    final CookieStore store = new CookieStore(settings("0123456789abcdef0123456789abcdef"));

    @Test
    void savedSessionLoadsFromCookieValue() {
        SessionChanges changes = newSession(Map.of("color", "red"));

        String value = store.save(changes, NOW).orElseThrow();

        assertThat(store.load(value, NOW.plusSeconds(5))).contains(changes.result());
    }

    @Test
    void valueOfOtherSecretLoadsNothing() {
        CookieStore other = new CookieStore(settings("another-secret-of-enough-length-1234"));
        String value = other.save(newSession(Map.of()), NOW).orElseThrow();

        assertThat(store.load(value, NOW)).isEmpty();
    }

    @Test
    void tooLargeSessionIsRejectedWithSizeAndLimit() {
        SessionChanges changes = newSession(Map.of("big", "x".repeat(4000)));

        assertThatThrownBy(() -> store.save(changes, NOW))
                .isInstanceOf(SessionTooLargeException.class)
                .hasMessageStartingWith("USESS-0101: The session needs a cookie of ")
                .hasMessageContaining("more than the 3800 bytes the cookie store writes")
                .satisfies(e -> assertThat(((SessionTooLargeException) e).limit()).isEqualTo(3800));
    }
}
