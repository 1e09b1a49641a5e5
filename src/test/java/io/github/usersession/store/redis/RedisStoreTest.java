package io.github.usersession.store.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.github.usersession.Flash;
import io.github.usersession.SessionChanges;
import io.github.usersession.StoredSession;
import io.github.usersession.state.SessionIds;
import io.github.usersession.testing.Latches;
import io.github.usersession.testing.LogCapture;
import io.github.usersession.testing.TestRedis;
import io.github.usersession.testing.TestSettings;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;

/** The Redis store against the real Redis server of this machine. */
class RedisStoreTest {

    static final Instant NOW = Instant.now();

    String prefix;
    RedisStore store;

    @BeforeEach
    void open() {
        prefix = TestRedis.uniquePrefix();
        store = new RedisStore(TestSettings.read(TestRedis.config(prefix, "usersession.max-age", "P1D")));
    }

    @AfterEach
    void close() {
        store.close();
        TestRedis.deleteKeys(prefix);
    }

    static SessionChanges create(String userId, Map<String, String> attributes, List<Flash> flashes) {
        StoredSession result = new StoredSession(SessionIds.newId(), userId, attributes, flashes, NOW, NOW);
        return new SessionChanges(null, result, attributes, Set.of(), userId != null, flashes, List.of());
    }

    static SessionChanges write(StoredSession loaded, Map<String, String> written, Set<String> removed) {
        Map<String, String> attributes = new HashMap<>(loaded.attributes());
        attributes.putAll(written);
        attributes.keySet().removeAll(removed);
        StoredSession result = new StoredSession(loaded.id(), loaded.userId().orElse(null), attributes, loaded.flashes(),
                loaded.created(), NOW);
        return new SessionChanges(loaded.id(), result, written, removed, false, List.of(), List.of());
    }

    @Test
    void valuesRoundTripExactly() {
        String large = "ü😀𝄞".repeat(64 * 1024 / 3 + 1);
        Map<String, String> attributes = Map.of("emoji", "😀 𝄞", "json", "{\"a\":\"b \\\" c\"}", "large", large,
                "u", "not the user", "c", "not created");

        String value = store.save(create("alice", attributes, List.of(Flash.of("Wëlcome"), Flash.of("x:y", "1:2"))), NOW)
                .orElseThrow();
        StoredSession loaded = store.load(value, NOW).orElseThrow();

        assertThat(value).matches("[A-Za-z0-9_-]{8}\\.[A-Za-z0-9_-]{43}");
        assertThat(loaded.attributes()).isEqualTo(attributes);
        assertThat(loaded.userId()).contains("alice");
        assertThat(loaded.flashes()).containsExactly(Flash.of("Wëlcome"), Flash.of("x:y", "1:2"));
        assertThat(loaded.created().toEpochMilli()).isEqualTo(NOW.toEpochMilli());
    }

    @Test
    void unknownAndMalformedValuesLoadNothing() {
        assertThat(store.load("abcdefgh." + "A".repeat(43), NOW)).isEmpty();
        assertThat(store.load("garbage", NOW)).isEmpty();
        assertThat(store.load("abcdefgh.*" + "A".repeat(42), NOW)).isEmpty();
    }

    @Test
    void writesOnlyWhatChanged() {
        String value = store.save(create(null, Map.of("a", "1", "b", "2"), List.of()), NOW).orElseThrow();
        StoredSession loadedByA = store.load(value, NOW).orElseThrow();
        StoredSession loadedByB = store.load(value, NOW).orElseThrow();

        store.save(write(loadedByA, Map.of("a", "from A"), Set.of()), NOW);
        store.save(write(loadedByB, Map.of("c", "from B"), Set.of("b")), NOW);

        assertThat(store.load(value, NOW).orElseThrow().attributes())
                .containsExactlyInAnyOrderEntriesOf(Map.of("a", "from A", "c", "from B"));
    }

    @Test
    void flashesAreTakenOnce() throws Exception {
        String value = store.save(create(null, Map.of(), List.of(Flash.of("one"), Flash.of("two"))), NOW).orElseThrow();
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<List<Flash>>> takes = new ArrayList<>();

        for (int i = 0; i < 6; i++) {
            takes.add(CompletableFuture.supplyAsync(() -> {
                Latches.await(start);
                return store.takeFlashes(value, "/", NOW).orElseThrow();
            }));
        }
        start.countDown();

        List<Flash> shown = new ArrayList<>();
        for (CompletableFuture<List<Flash>> take : takes) {
            shown.addAll(take.get(30, TimeUnit.SECONDS));
        }
        assertThat(shown).containsExactly(Flash.of("one"), Flash.of("two"));
    }

    @Test
    void rotationRenamesAndForwardsLateSave() {
        String guest = store.save(create(null, Map.of("color", "red"), List.of()), NOW).orElseThrow();
        StoredSession beforeSignIn = store.load(guest, NOW).orElseThrow();
        StoredSession signedIn = new StoredSession(SessionIds.newId(), "alice", beforeSignIn.attributes(), List.of(),
                NOW, NOW);

        String user = store.save(new SessionChanges(guest, signedIn, Map.of(), Set.of(), true, List.of(), List.of()), NOW)
                .orElseThrow();
        Optional<String> late = store.save(write(beforeSignIn, Map.of("cart", "1 item"), Set.of()), NOW);

        assertThat(user.substring(0, 8)).isEqualTo(guest.substring(0, 8));
        assertThat(user).isNotEqualTo(guest);
        assertThat(late).as("the late response must not learn the new ID").isEmpty();
        assertThat(store.load(guest, NOW)).isEmpty();
        assertThat(store.load(user, NOW).orElseThrow().attributes()).containsEntry("color", "red").containsEntry("cart", "1 item");
        assertThat(store.load(user, NOW).orElseThrow().userId()).contains("alice");
    }

    @Test
    void deletedSessionIsNotResurrected() {
        String value = store.save(create("alice", Map.of("a", "1"), List.of(Flash.of("hi"))), NOW).orElseThrow();
        StoredSession loaded = store.load(value, NOW).orElseThrow();

        store.delete(value);

        assertThat(store.save(write(loaded, Map.of("b", "2"), Set.of()), NOW)).isEmpty();
        assertThat(store.load(value, NOW)).isEmpty();
    }

    @Test
    void keysExpireWithSession() {
        String value = store.save(create(null, Map.of("a", "1"), List.of(Flash.of("x"))), NOW).orElseThrow();
        RedisClient client = RedisClient.create(TestRedis.uri());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            String tag = value.substring(0, 8);
            String rest = value.substring(9);
            long dataTtl = connection.sync().pttl(prefix + "{" + tag + "}" + rest + ":s");
            long flashTtl = connection.sync().pttl(prefix + "{" + tag + "}" + rest + ":f");

            assertThat(dataTtl).isPositive().isLessThanOrEqualTo(Duration.ofDays(1).toMillis());
            assertThat(flashTtl).isPositive().isLessThanOrEqualTo(Duration.ofDays(1).toMillis());
        } finally {
            client.shutdown();
        }
    }

    @Test
    void userIndexListsAndEndsSessions() {
        String laptop = store.save(create("alice", Map.of(), List.of()), NOW).orElseThrow();
        String phone = store.save(create("alice", Map.of(), List.of()), NOW).orElseThrow();
        store.save(create("bob", Map.of(), List.of()), NOW);

        assertThat(store.findByUser("alice", NOW)).extracting(StoredSession::id).containsExactlyInAnyOrder(laptop, phone);
        assertThat(store.deleteByUser("alice", phone)).isEqualTo(1);
        assertThat(store.findByUser("alice", NOW)).extracting(StoredSession::id).containsExactly(phone);
        assertThat(store.load(laptop, NOW)).isEmpty();
        assertThat(store.findByUser("bob", NOW)).hasSize(1);
    }

    @Test
    void availableWhileServerAnswers() {
        assertThat(store.isAvailable()).isTrue();
    }

    @Test
    void otherPagesFlashesStayQueued() {
        Flash any = Flash.of("any");
        Flash cart = Flash.of("warning", "ü 😀").forPage("/café");
        Flash longer = Flash.of("longer").forPage("/cafés");
        String value = store.save(create(null, Map.of(), List.of(any, cart, longer, any)), NOW).orElseThrow();

        assertThat(store.takeFlashes(value, "/café", NOW).orElseThrow()).containsExactly(any, cart, any);
        assertThat(store.load(value, NOW).orElseThrow().flashes()).containsExactly(longer);
        assertThat(store.takeFlashes(value, "/cafés", NOW).orElseThrow()).containsExactly(longer);
        assertThat(store.load(value, NOW).orElseThrow().flashes()).isEmpty();
    }

    @Test
    void saveKeepsNewestFlashes() {
        String value = store.save(create(null, Map.of(), List.of(Flash.of("1"), Flash.of("2"))), NOW).orElseThrow();
        StoredSession loaded = store.load(value, NOW).orElseThrow();

        try (LogCapture log = new LogCapture()) {
            store.save(new SessionChanges(value, loaded, Map.of(), Set.of(), false,
                    List.of(Flash.of("3"), Flash.of("4").forPage("/cart")), List.of(), 3), NOW);

            assertThat(store.load(value, NOW).orElseThrow().flashes())
                    .containsExactly(Flash.of("2"), Flash.of("3"), Flash.of("4").forPage("/cart"));
            assertThat(log.debugMessages()).contains("Dropped the 1 oldest queued flash(es): a session keeps at most 3"
                    + " (usersession.flash.max-queued)");
        }
    }

    @Test
    void flashEncodingRoundTrips() {
        Flash flash = Flash.of("in:fo", "3:colons: ü").forPage("/a:b/ü");

        assertThat(RedisStore.decodeFlash(RedisStore.encodeFlash(flash))).isEqualTo(flash);
        assertThat(RedisStore.decodeFlash(RedisStore.encodeFlash(Flash.of("x", "")))).isEqualTo(Flash.of("x", ""));
    }
}
