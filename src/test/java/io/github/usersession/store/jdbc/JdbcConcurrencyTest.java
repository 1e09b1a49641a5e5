package io.github.usersession.store.jdbc;

import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import com.zaxxer.hikari.HikariDataSource;

import io.github.usersession.state.CookieUpdate;
import io.github.usersession.testing.ParallelRounds;
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
            // Each round queues one flash per request, more than the default cap keeps.
            try (SessionContainer container = SessionContainer.start(Map.of("usersession.store", "jdbc",
                    "usersession.jdbc.table-prefix", prefix, "usersession.flash.max-queued", "1000"),
                    TestJdbcDataSource.class)) {
                String cookie = container.request(null, session -> session.put("start", "1"))
                        .flatMap(CookieUpdate::value).orElseThrow();
                long millis = ParallelRounds.run(container, cookie, ROUNDS, PARALLEL);

                System.out.printf("%s: %d rounds of %d parallel requests in %d ms%n", database, ROUNDS, PARALLEL, millis);
            } finally {
                TestDatabases.dropTables(pool, prefix);
            }
        }
    }
}
