package io.github.usersession.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
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

import javax.sql.DataSource;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.zaxxer.hikari.HikariDataSource;

import io.github.usersession.Flash;
import io.github.usersession.SessionChanges;
import io.github.usersession.SessionStoreException;
import io.github.usersession.StoredSession;
import io.github.usersession.config.SessionSettings;
import io.github.usersession.state.SessionClock;
import io.github.usersession.testing.Latches;
import io.github.usersession.testing.TestDatabases;
import io.github.usersession.testing.TestSettings;

/** The JDBC store against real PostgreSQL and MariaDB servers and H2. */
class JdbcStoreTest {

    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    HikariDataSource pool;
    String prefix;
    JdbcStore store;

    JdbcStore open(TestDatabases database) {
        pool = database.pool(8);
        prefix = TestDatabases.uniquePrefix();
        store = store(pool, prefix);
        return store;
    }

    static JdbcStore store(DataSource dataSource, String prefix) {
        SessionSettings settings = TestSettings.read(Map.of("usersession.store", "jdbc",
                "usersession.jdbc.table-prefix", prefix, "usersession.max-age", "P1D"));
        JdbcDataSource source = new JdbcDataSource(settings) {
            @Override
            public DataSource get() {
                return dataSource;
            }
        };
        return new JdbcStore(source, settings, new SessionClock());
    }

    @AfterEach
    void dropTables() throws SQLException {
        if (pool != null) {
            assertThat(pool.getHikariPoolMXBean().getActiveConnections()).as("connections still open").isZero();
            TestDatabases.dropTables(pool, prefix);
            pool.close();
        }
    }

    static SessionChanges create(String id, String userId, Map<String, String> attributes, List<Flash> flashes) {
        return create(id, userId, attributes, flashes, NOW);
    }

    static SessionChanges create(String id, String userId, Map<String, String> attributes, List<Flash> flashes,
                                 Instant at) {
        StoredSession result = new StoredSession(id, userId, attributes, flashes, at, at);
        return new SessionChanges(null, result, attributes, Set.of(), userId != null, flashes, List.of());
    }

    static SessionChanges write(StoredSession loaded, Map<String, String> written, Set<String> removed, List<Flash> added) {
        Map<String, String> attributes = new HashMap<>(loaded.attributes());
        attributes.putAll(written);
        attributes.keySet().removeAll(removed);
        StoredSession result = new StoredSession(loaded.id(), loaded.userId().orElse(null), attributes, loaded.flashes(),
                loaded.created(), NOW);
        return new SessionChanges(loaded.id(), result, written, removed, false, added, List.of());
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void valuesRoundTripExactly(TestDatabases database) {
        open(database);
        String large = "ü😀𝄞".repeat(64 * 1024 / 3 + 1);
        Map<String, String> attributes = Map.of("emoji", "😀 4-byte 𝄞", "json", "{\"a\":\"b \\\" c\"}",
                "large", large, "Case", "upper", "case", "lower");

        store.save(create("id-1", "alice", attributes, List.of(Flash.of("Wëlcome 😀"))), NOW);

        StoredSession loaded = store.load("id-1", NOW).orElseThrow();
        assertThat(loaded.attributes()).isEqualTo(attributes);
        assertThat(loaded.attributes().get("large")).hasSize(large.length()).isEqualTo(large);
        assertThat(loaded.userId()).contains("alice");
        assertThat(loaded.flashes()).containsExactly(Flash.of("Wëlcome 😀"));
        assertThat(loaded.created()).isEqualTo(NOW);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void unknownIdLoadsNothing(TestDatabases database) {
        open(database);

        assertThat(store.load("never-issued", NOW)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void writesOnlyWhatChanged(TestDatabases database) {
        open(database);
        store.save(create("id-1", null, Map.of("a", "1", "b", "2"), List.of()), NOW);
        StoredSession loadedByA = store.load("id-1", NOW).orElseThrow();
        StoredSession loadedByB = store.load("id-1", NOW).orElseThrow();

        store.save(write(loadedByA, Map.of("a", "from A"), Set.of(), List.of()), NOW);
        store.save(write(loadedByB, Map.of("c", "from B"), Set.of("b"), List.of()), NOW);

        assertThat(store.load("id-1", NOW).orElseThrow().attributes())
                .containsExactlyInAnyOrderEntriesOf(Map.of("a", "from A", "c", "from B"));
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void sameKeyInsertedInParallelRaisesNoError(TestDatabases database) throws Exception {
        open(database);
        store.save(create("id-1", null, Map.of(), List.of()), NOW);
        StoredSession loaded = store.load("id-1", NOW).orElseThrow();
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<Optional<String>>> saves = new ArrayList<>();

        for (int i = 0; i < 8; i++) {
            String value = "v" + i;
            saves.add(CompletableFuture.supplyAsync(() -> {
                Latches.await(start);
                return store.save(write(loaded, Map.of("same", value), Set.of(), List.of()), NOW);
            }));
        }
        start.countDown();

        for (CompletableFuture<Optional<String>> save : saves) {
            assertThat(save.get(30, TimeUnit.SECONDS)).contains("id-1");
        }
        assertThat(store.load("id-1", NOW).orElseThrow().attributes().get("same")).matches("v[0-7]");
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void flashesAreTakenOnce(TestDatabases database) throws Exception {
        open(database);
        store.save(create("id-1", null, Map.of(), List.of(Flash.of("one"), Flash.of("two"))), NOW);
        CountDownLatch start = new CountDownLatch(1);
        List<CompletableFuture<List<Flash>>> takes = new ArrayList<>();

        for (int i = 0; i < 6; i++) {
            takes.add(CompletableFuture.supplyAsync(() -> {
                Latches.await(start);
                return store.takeFlashes("id-1", "/", NOW).orElseThrow();
            }));
        }
        start.countDown();

        List<Flash> shown = new ArrayList<>();
        for (CompletableFuture<List<Flash>> take : takes) {
            shown.addAll(take.get(30, TimeUnit.SECONDS));
        }
        assertThat(shown).containsExactly(Flash.of("one"), Flash.of("two"));
        assertThat(store.load("id-1", NOW).orElseThrow().flashes()).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void rotationRenamesAndForwardsLateSave(TestDatabases database) {
        open(database);
        store.save(create("old", null, Map.of("color", "red"), List.of()), NOW);
        StoredSession beforeSignIn = store.load("old", NOW).orElseThrow();
        StoredSession signedIn = new StoredSession("new", "alice", beforeSignIn.attributes(), List.of(), NOW, NOW);

        assertThat(store.save(new SessionChanges("old", signedIn, Map.of(), Set.of(), true, List.of(), List.of()), NOW))
                .contains("new");
        Optional<String> late = store.save(write(beforeSignIn, Map.of("cart", "1 item"), Set.of(), List.of()), NOW);

        assertThat(late).as("the late response must not learn the new ID").isEmpty();
        assertThat(store.load("old", NOW)).isEmpty();
        StoredSession renamed = store.load("new", NOW).orElseThrow();
        assertThat(renamed.userId()).contains("alice");
        assertThat(renamed.attributes()).containsEntry("color", "red").containsEntry("cart", "1 item");
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void deleteRemovesEverythingAndLateSaveIsDropped(TestDatabases database) {
        open(database);
        store.save(create("id-1", "alice", Map.of("a", "1"), List.of(Flash.of("hi"))), NOW);
        StoredSession loaded = store.load("id-1", NOW).orElseThrow();

        store.delete("id-1");

        assertThat(store.load("id-1", NOW)).isEmpty();
        assertThat(store.save(write(loaded, Map.of("b", "2"), Set.of(), List.of()), NOW)).isEmpty();
        assertThat(store.load("id-1", NOW)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void expiredRowLoadsWithoutDataAndIsCleanedUp(TestDatabases database) {
        open(database);
        for (int i = 0; i < 25; i++) {
            store.save(create("old-" + i, null, Map.of("a", "1"), List.of()), NOW);
        }
        Instant freshAt = NOW.plus(Duration.ofHours(20));
        store.save(create("fresh", null, Map.of("a", "1"), List.of(), freshAt), freshAt);
        Instant later = NOW.plus(Duration.ofDays(1));

        StoredSession expired = store.load("old-0", later).orElseThrow();
        int deleted = store.deleteExpired(later, 10, 100);

        assertThat(expired.attributes()).isEmpty();
        assertThat(expired.created()).isEqualTo(NOW);
        assertThat(deleted).isEqualTo(25);
        assertThat(store.load("old-7", later)).isEmpty();
        assertThat(store.load("fresh", later)).isPresent();
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void userIndexListsAndEndsSessions(TestDatabases database) {
        open(database);
        store.save(create("a1", "alice", Map.of(), List.of()), NOW);
        store.save(create("a2", "alice", Map.of(), List.of()), NOW);
        Instant longAgo = NOW.minus(Duration.ofDays(2));
        store.save(create("a3", "alice", Map.of(), List.of(), longAgo), longAgo);
        store.save(create("b1", "bob", Map.of(), List.of()), NOW);

        assertThat(store.findByUser("alice", NOW)).extracting(StoredSession::id).containsExactlyInAnyOrder("a1", "a2");
        assertThat(store.findByUser("ALICE", NOW)).isEmpty();
        assertThat(store.deleteByUser("alice", "a2")).isEqualTo(2);
        assertThat(store.findByUser("alice", NOW)).extracting(StoredSession::id).containsExactly("a2");
        assertThat(store.deleteByUser("alice", null)).isEqualTo(1);
        assertThat(store.findByUser("bob", NOW)).hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void failedStatementLeaksNoConnection(TestDatabases database) {
        open(database);
        // UserSession rejects such a key; a store can still meet one from a custom caller.
        String tooLongKey = "k".repeat(300);

        assertThatThrownBy(() -> store.save(create("id-1", null, Map.of(tooLongKey, "x"), List.of()), NOW))
                .isInstanceOf(SessionStoreException.class)
                .hasMessageStartingWith("The JDBC session store could not save a session: ");
        assertThat(store.load("id-1", NOW)).as("the failed save was rolled back").isEmpty();
        assertThat(pool.getHikariPoolMXBean().getActiveConnections()).isZero();
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void schemaCreationRunsTwice(TestDatabases database) {
        open(database);
        store.save(create("id-1", null, Map.of("a", "1"), List.of()), NOW);

        JdbcStore second = store(pool, prefix);

        assertThat(second.load("id-1", NOW)).isPresent();
        assertThat(second.isAvailable()).isTrue();
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void cleanupRunsBesideRequestWrites(TestDatabases database) throws Exception {
        open(database);
        for (int i = 0; i < 500; i++) {
            store.save(create("old-" + i, null, Map.of("a", "1"), List.of(Flash.of("x"))), NOW);
        }
        Instant later = NOW.plus(Duration.ofDays(1));
        store.save(create("live", null, Map.of(), List.of(), later), later);

        CompletableFuture<Integer> cleanup = CompletableFuture.supplyAsync(() -> store.deleteExpired(later, 20, 1000));
        for (int i = 0; i < 50; i++) {
            StoredSession live = store.load("live", later).orElseThrow();
            assertThat(store.save(write(live, Map.of("k" + i, "v"), Set.of(), List.of()), later)).contains("live");
        }

        assertThat(cleanup.get(60, TimeUnit.SECONDS)).isEqualTo(500);
        assertThat(store.load("live", later).orElseThrow().attributes()).hasSize(50);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void recoversAfterOutage(TestDatabases database) {
        open(database);
        SwitchableDataSource switchable = new SwitchableDataSource(pool);
        JdbcStore flaky = store(switchable, prefix);
        flaky.save(create("id-1", null, Map.of("a", "1"), List.of()), NOW);

        switchable.down = true;
        assertThatThrownBy(() -> flaky.load("id-1", NOW)).isInstanceOf(SessionStoreException.class);
        assertThat(flaky.isAvailable()).isFalse();
        switchable.down = false;

        assertThat(flaky.load("id-1", NOW)).isPresent();
        assertThat(flaky.isAvailable()).isTrue();
    }

    /** A data source whose connections fail while {@link #down} is set, as during a database outage. */
    static final class SwitchableDataSource extends com.zaxxer.hikari.HikariDataSource {

        private final DataSource delegate;
        volatile boolean down;

        SwitchableDataSource(DataSource delegate) {
            this.delegate = delegate;
        }

        @Override
        public java.sql.Connection getConnection() throws SQLException {
            if (down) {
                throw new SQLException("Connection refused (simulated outage)", "08001");
            }
            return delegate.getConnection();
        }
    }

    @Test
    void databaseDownFailsFast() {
        HikariDataSource unreachable = new HikariDataSource();
        unreachable.setJdbcUrl("jdbc:postgresql://127.0.0.1:1/test?user=postgres&connectTimeout=2");
        unreachable.setConnectionTimeout(2_000);
        unreachable.setInitializationFailTimeout(-1);
        JdbcStore down = store(unreachable, "ut_down_");
        long started = System.nanoTime();

        assertThatThrownBy(() -> down.load("id-1", NOW))
                .isInstanceOf(SessionStoreException.class)
                .hasMessageStartingWith("The JDBC session store could not load a session: ");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(5));
        assertThat(down.isAvailable()).isFalse();
        unreachable.close();
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void otherPagesFlashesStayQueued(TestDatabases database) {
        open(database);
        Flash any = Flash.of("any");
        Flash cart = Flash.of("cart").forPage("/café");
        Flash other = Flash.of("other").forPage("/other");
        store.save(create("id-1", null, Map.of(), List.of(any, cart, other)), NOW);

        assertThat(store.takeFlashes("id-1", "/café", NOW).orElseThrow()).containsExactly(any, cart);
        assertThat(store.load("id-1", NOW).orElseThrow().flashes()).containsExactly(other);
        assertThat(store.takeFlashes("id-1", "/other", NOW).orElseThrow()).containsExactly(other);
    }

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void saveKeepsNewestFlashes(TestDatabases database) {
        open(database);
        store.save(create("id-1", null, Map.of(), List.of(Flash.of("1"), Flash.of("2"))), NOW);
        StoredSession loaded = store.load("id-1", NOW).orElseThrow();

        store.save(new SessionChanges("id-1", loaded, Map.of(), Set.of(), false,
                List.of(Flash.of("3"), Flash.of("4").forPage("/cart")), List.of(), 3), NOW);

        assertThat(store.load("id-1", NOW).orElseThrow().flashes())
                .containsExactly(Flash.of("2"), Flash.of("3"), Flash.of("4").forPage("/cart"));
    }
}
