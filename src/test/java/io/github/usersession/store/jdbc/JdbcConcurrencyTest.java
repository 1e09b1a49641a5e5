package io.github.usersession.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.zaxxer.hikari.HikariDataSource;

import io.github.usersession.Flash;
import io.github.usersession.UserSession;
import io.github.usersession.state.CookieUpdate;
import io.github.usersession.testing.SessionContainer;
import io.github.usersession.testing.TestDatabases;
import io.github.usersession.testing.TestJdbcDataSource;

/**
 * Parallel requests of one session through the whole request path (tracker, JDBC store, real
 * database): each writes its own key and queues a flash, and nothing is lost or duplicated.
 */
class JdbcConcurrencyTest {

    static final int PARALLEL = 32;

    /** Rounds of 32 parallel requests; {@code -Dusersession.test.rounds} changes it. */
    static final int ROUNDS = Integer.getInteger("usersession.test.rounds", 1000);

    @ParameterizedTest
    @EnumSource(TestDatabases.class)
    void parallelRequestsLoseNothing(TestDatabases database) throws Exception {
        String prefix = TestDatabases.uniquePrefix();
        try (HikariDataSource pool = database.pool(PARALLEL)) {
            TestJdbcDataSource.use(pool);
            try (SessionContainer container = SessionContainer.start(Map.of("usersession.store", "jdbc",
                    "usersession.jdbc.table-prefix", prefix), TestJdbcDataSource.class)) {
                String cookie = container.request(null, session -> session.put("start", "1"))
                        .flatMap(CookieUpdate::value).orElseThrow();
                ExecutorService threads = Executors.newFixedThreadPool(PARALLEL);
                long started = System.nanoTime();

                for (int round = 0; round < ROUNDS; round++) {
                    List<CompletableFuture<?>> requests = new ArrayList<>();
                    for (int request = 0; request < PARALLEL; request++) {
                        String key = "r" + round + "-" + request;
                        requests.add(CompletableFuture.runAsync(() -> container.request(cookie, session -> write(session, key)),
                                threads));
                    }
                    CompletableFuture.allOf(requests.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
                    verifyAndClear(container, cookie, round);
                }
                long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
                threads.shutdown();

                System.out.printf("%s: %d rounds of %d parallel requests in %d ms%n", database, ROUNDS, PARALLEL, millis);
                container.request(cookie, session -> assertThat(session.flashes()).isEmpty());
            } finally {
                TestDatabases.dropTables(pool, prefix);
            }
        }
    }

    /**
     * Checks that every key and flash of a round arrived exactly once, then removes them, so that
     * the session stays small and a flash shown twice or lost would show in a later round.
     */
    static void verifyAndClear(SessionContainer container, String cookie, int round) {
        container.request(cookie, session -> {
            List<String> shown = session.flashes().stream().map(Flash::message).toList();
            Set<String> expected = new HashSet<>();
            for (int request = 0; request < PARALLEL; request++) {
                String key = "r" + round + "-" + request;
                expected.add(key);
                assertThat(session.get(key)).as("key %s", key).contains(key);
                session.delete(key);
            }
            assertThat(shown).as("flashes of round %d", round).hasSize(PARALLEL).containsExactlyInAnyOrderElementsOf(expected);
        });
    }

    static void write(UserSession session, String key) {
        session.put(key, key);
        session.flash(Flash.of(key));
    }
}
