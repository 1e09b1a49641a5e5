package io.github.usersession.store.cookie;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import io.github.usersession.Flash;
import io.github.usersession.SessionChanges;
import io.github.usersession.StoredSession;
import io.github.usersession.config.SessionSettings;
import io.github.usersession.testing.TestSettings;

class CookieStoreTest {

    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");

    static SessionSettings settings(String secret) {
        return TestSettings.read(Map.of("usersession.store", "cookie", "usersession.secret", secret));
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
    void previousSecretStillOpensAndSaveUsesCurrent() {
        String oldSecret = "the-secret-before-rotation-0123456789";
        CookieStore before = new CookieStore(settings(oldSecret));
        CookieStore after = new CookieStore(TestSettings.read(Map.of("usersession.store", "cookie",
                "usersession.secret", "the-secret-after-rotation-0123456789",
                "usersession.secret.previous", oldSecret)));
        SessionChanges changes = newSession(Map.of("color", "red"));
        String oldValue = before.save(changes, NOW).orElseThrow();

        StoredSession loaded = after.load(oldValue, NOW).orElseThrow();
        String resealed = after.save(new SessionChanges(loaded.id(), loaded, Map.of(), Set.of(), false, List.of(),
                List.of()), NOW).orElseThrow();

        assertThat(loaded).isEqualTo(changes.result());
        assertThat(CookieSealer.keyIdOf(resealed)).isNotEqualTo(CookieSealer.keyIdOf(oldValue));
        assertThat(before.load(resealed, NOW)).as("the old key cannot open the resealed value").isEmpty();
        assertThat(after.load(resealed, NOW)).contains(loaded);
    }

    @Test
    void valueOfOtherSecretLoadsNothing() {
        CookieStore other = new CookieStore(settings("another-secret-of-enough-length-1234"));
        String value = other.save(newSession(Map.of()), NOW).orElseThrow();

        assertThat(store.load(value, NOW)).isEmpty();
    }
}
