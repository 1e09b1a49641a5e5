package io.github.usersession.store.memory;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.github.usersession.Flash;
import io.github.usersession.SessionChanges;
import io.github.usersession.StoredSession;
import io.github.usersession.state.SessionExpiry;
import io.github.usersession.testing.LogCapture;

class MemoryStoreTest {

    static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    static final Duration MAX_AGE = Duration.ofHours(1);

    final MemoryStore store = new MemoryStore(new SessionExpiry(MAX_AGE, Duration.ZERO, Duration.ofMinutes(1)), 100);

    static SessionChanges create(String id, Map<String, String> attributes, List<Flash> flashes, Instant now) {
        StoredSession result = new StoredSession(id, null, attributes, flashes, now, now);
        return new SessionChanges(null, result, attributes, Set.of(), false, flashes, List.of());
    }

    /** Changes made by a request that loaded {@code loaded} and wrote one key. */
    static SessionChanges write(StoredSession loaded, String key, String value) {
        Map<String, String> attributes = new java.util.HashMap<>(loaded.attributes());
        attributes.put(key, value);
        StoredSession result = new StoredSession(loaded.id(), null, attributes, loaded.flashes(), loaded.created(), NOW);
        return new SessionChanges(loaded.id(), result, Map.of(key, value), Set.of(), false, List.of(), List.of());
    }

    @Test
    void newSessionIsStoredUnderItsId() {
        String value = store.save(create("id-1", Map.of("a", "1"), List.of(), NOW), NOW).orElseThrow();

        assertThat(value).isEqualTo("id-1");
        assertThat(store.load("id-1", NOW)).hasValueSatisfying(s -> assertThat(s.attributes()).containsEntry("a", "1"));
    }

    @Test
    void unknownIdLoadsNothing() {
        assertThat(store.load("never-issued", NOW)).isEmpty();
    }

    @Test
    void parallelWritesOfDifferentKeysBothPersist() {
        store.save(create("id-1", Map.of(), List.of(), NOW), NOW);
        StoredSession loadedByA = store.load("id-1", NOW).orElseThrow();
        StoredSession loadedByB = store.load("id-1", NOW).orElseThrow();

        store.save(write(loadedByA, "a", "from A"), NOW);
        store.save(write(loadedByB, "b", "from B"), NOW);

        assertThat(store.load("id-1", NOW).orElseThrow().attributes())
                .containsEntry("a", "from A")
                .containsEntry("b", "from B");
    }

    @Test
    void manyThreadsWritingOwnKeysLoseNothing() throws Exception {
        store.save(create("id-1", Map.of(), List.of(), NOW), NOW);
        int threads = 16;
        int writesPerThread = 200;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();

        for (int t = 0; t < threads; t++) {
            int thread = t;
            done.add(pool.submit(() -> {
                start.await();
                for (int i = 0; i < writesPerThread; i++) {
                    StoredSession loaded = store.load("id-1", NOW).orElseThrow();
                    store.save(write(loaded, "key-" + thread + "-" + i, "v"), NOW);
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> future : done) {
            future.get(30, TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertThat(store.load("id-1", NOW).orElseThrow().attributes()).hasSize(threads * writesPerThread);
    }

    @Test
    void rotationMovesSessionAndOldIdStopsWorking() {
        store.save(create("old", Map.of("a", "1"), List.of(), NOW), NOW);
        StoredSession loaded = store.load("old", NOW).orElseThrow();
        StoredSession result = new StoredSession("new", "alice", loaded.attributes(), List.of(), loaded.created(), NOW);
        SessionChanges signIn = new SessionChanges("old", result, Map.of(), Set.of(), true, List.of(), List.of());

        String value = store.save(signIn, NOW).orElseThrow();

        assertThat(value).isEqualTo("new");
        assertThat(store.load("old", NOW)).isEmpty();
        assertThat(store.load("new", NOW)).hasValueSatisfying(s -> {
            assertThat(s.userId()).contains("alice");
            assertThat(s.attributes()).containsEntry("a", "1");
            assertThat(s.created()).isEqualTo(NOW);
        });
    }

    @Test
    void destroyedSessionIsNotResurrectedByLateWrite() {
        store.save(create("id-1", Map.of(), List.of(), NOW), NOW);
        StoredSession loaded = store.load("id-1", NOW).orElseThrow();
        store.delete("id-1");

        assertThat(store.save(write(loaded, "late", "write"), NOW)).isEmpty();
        assertThat(store.load("id-1", NOW)).isEmpty();
    }

    @Test
    void consumedFlashesAreRemovedAndParallelOnesKept() {
        store.save(create("id-1", Map.of(), List.of(Flash.of("first")), NOW), NOW);
        StoredSession loaded = store.load("id-1", NOW).orElseThrow();
        SessionChanges parallelFlash = new SessionChanges("id-1", loaded, Map.of(), Set.of(), false,
                List.of(Flash.of("second")), List.of());
        store.save(parallelFlash, NOW);

        StoredSession afterRead = new StoredSession("id-1", null, Map.of(), List.of(), loaded.created(), NOW);
        store.save(new SessionChanges("id-1", afterRead, Map.of(), Set.of(), false, List.of(), loaded.flashes()), NOW);

        assertThat(store.load("id-1", NOW).orElseThrow().flashes()).containsExactly(Flash.of("second"));
    }

    @Test
    void expiredSessionIsNotSavedAgain() {
        store.save(create("id-1", Map.of(), List.of(), NOW), NOW);
        StoredSession loaded = store.load("id-1", NOW).orElseThrow();
        Instant expired = NOW.plus(MAX_AGE);

        assertThat(store.save(write(loaded, "late", "write"), expired)).isEmpty();
        assertThat(store.load("id-1", expired)).isEmpty();
    }

    @Test
    void rotatedSessionTakesLateSaveUnderOldId() {
        store.save(create("old", Map.of(), List.of(), NOW), NOW);
        StoredSession loadedBeforeSignIn = store.load("old", NOW).orElseThrow();
        StoredSession signedIn = new StoredSession("new", "alice", Map.of(), List.of(), NOW, NOW);
        store.save(new SessionChanges("old", signedIn, Map.of(), Set.of(), true, List.of(), List.of()), NOW);

        Optional<String> lateValue = store.save(write(loadedBeforeSignIn, "cart", "1 item"), NOW.plusSeconds(5));

        assertThat(lateValue).as("the late response must not learn the new ID").isEmpty();
        assertThat(store.load("old", NOW)).isEmpty();
        assertThat(store.load("new", NOW).orElseThrow().attributes()).containsEntry("cart", "1 item");
        assertThat(store.load("new", NOW).orElseThrow().userId()).contains("alice");
    }

    @Test
    void lateSaveAfterRotationGraceIsDropped() {
        store.save(create("old", Map.of(), List.of(), NOW), NOW);
        StoredSession loadedBeforeSignIn = store.load("old", NOW).orElseThrow();
        StoredSession signedIn = new StoredSession("new", "alice", Map.of(), List.of(), NOW, NOW);
        store.save(new SessionChanges("old", signedIn, Map.of(), Set.of(), true, List.of(), List.of()), NOW);
        Instant tooLate = NOW.plus(MemoryStore.ROTATION_GRACE).plusSeconds(1);

        assertThat(store.save(write(loadedBeforeSignIn, "cart", "1 item"), tooLate)).isEmpty();
        assertThat(store.load("new", tooLate).orElseThrow().attributes()).doesNotContainKey("cart");
    }

    @Test
    void expiredSessionsAreSweptOnLaterSaves() {
        store.save(create("old", Map.of(), List.of(), NOW), NOW);
        Instant later = NOW.plus(MAX_AGE).plus(MemoryStore.SWEEP_INTERVAL).plusSeconds(1);

        store.save(create("new", Map.of(), List.of(), later), later);

        assertThat(store.size()).isEqualTo(1);
    }

    @Test
    void fullStoreDropsLeastRecentlyWritten() {
        MemoryStore small = new MemoryStore(new SessionExpiry(MAX_AGE, Duration.ZERO, Duration.ofMinutes(1)), 3);
        for (int i = 0; i < 3; i++) {
            Instant at = NOW.plusSeconds(i);
            small.save(create("id-" + i, Map.of(), List.of(), at), at);
        }

        small.save(create("id-3", Map.of(), List.of(), NOW.plusSeconds(3)), NOW.plusSeconds(3));

        assertThat(small.size()).isEqualTo(3);
        assertThat(small.load("id-0", NOW.plusSeconds(3))).isEmpty();
        assertThat(small.load("id-1", NOW.plusSeconds(3))).isPresent();
        assertThat(small.load("id-3", NOW.plusSeconds(3))).isPresent();
    }

    @Test
    void otherPagesFlashesStayQueued() {
        Flash any = Flash.of("any");
        Flash cart = Flash.of("cart").forPage("/cart");
        Flash other = Flash.of("other").forPage("/other");
        store.save(create("id-1", Map.of(), List.of(any, cart, other), NOW), NOW);

        assertThat(store.takeFlashes("id-1", "/cart", NOW).orElseThrow()).containsExactly(any, cart);
        assertThat(store.load("id-1", NOW).orElseThrow().flashes()).containsExactly(other);
        assertThat(store.takeFlashes("id-1", "/other/", NOW).orElseThrow()).containsExactly(other);
    }

    @Test
    void saveKeepsNewestFlashes() {
        store.save(create("id-1", Map.of(), List.of(Flash.of("1")), NOW), NOW);
        StoredSession loaded = store.load("id-1", NOW).orElseThrow();

        try (LogCapture log = new LogCapture()) {
            store.save(new SessionChanges("id-1", loaded, Map.of(), Set.of(), false,
                    List.of(Flash.of("2"), Flash.of("3")), List.of(), 2), NOW);

            assertThat(store.load("id-1", NOW).orElseThrow().flashes()).containsExactly(Flash.of("2"), Flash.of("3"));
            assertThat(log.debugMessages()).contains("Dropped the 1 oldest queued flash(es): a session keeps at most 2"
                    + " (usersession.flash.max-queued)");
        }
    }
}
