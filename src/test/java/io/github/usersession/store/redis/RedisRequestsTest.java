package io.github.usersession.store.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.github.usersession.SessionStoreException;
import io.github.usersession.StoreName;
import io.github.usersession.UserSession;
import io.github.usersession.state.CookieUpdate;
import io.github.usersession.testing.ParallelRounds;
import io.github.usersession.testing.RedisMonitor;
import io.github.usersession.testing.SessionContainer;
import io.github.usersession.testing.TestRedis;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;

/** Requests through the whole path (tracker and Redis store) against real Redis servers. */
class RedisRequestsTest {

    static final int PARALLEL = 32;

    /** Rounds of 32 parallel requests; {@code -Dusersession.test.rounds} changes it. */
    static final int ROUNDS = Integer.getInteger("usersession.test.rounds", 1000);

    @Test
    void requestCostsOneCommandToLoadAndOneToSave() throws Exception {
        String prefix = TestRedis.uniquePrefix();
        try (SessionContainer container = SessionContainer.start(TestRedis.config(prefix));
             RedisMonitor monitor = new RedisMonitor()) {
            container.clock().set(Instant.now());
            String cookie = container.request(null, session -> session.put("a", "1"))
                    .flatMap(CookieUpdate::value).orElseThrow();
            String marker = prefix + "marker";
            ping(marker);
            monitor.awaitCommand(marker);
            int afterFirst = monitor.commandsContaining(prefix).size();

            container.request(cookie, session -> session.put("b", session.get("a").orElseThrow() + "2"));
            String readOnlyMarker = prefix + "marker2";
            ping(readOnlyMarker);
            monitor.awaitCommand(readOnlyMarker);
            int afterReadWrite = monitor.commandsContaining(prefix).size();

            container.request(cookie, session -> session.get("a"));
            String last = prefix + "marker3";
            ping(last);
            monitor.awaitCommand(last);
            int afterReadOnly = monitor.commandsContaining(prefix).size();

            // Each count leaves out the marker command that ends it.
            int readWrite = afterReadWrite - afterFirst - 1;
            int readOnly = afterReadOnly - afterReadWrite - 1;

            System.out.printf("Redis commands: read and write request %d, read-only request %d%n", readWrite, readOnly);
            assertThat(readWrite).as("EVAL to load, EVAL to save").isEqualTo(2);
            assertThat(readOnly).as("EVAL to load").isEqualTo(1);
        } finally {
            TestRedis.deleteKeys(prefix);
        }
    }

    @Test
    void parallelRequestsLoseNothing() throws Exception {
        String prefix = TestRedis.uniquePrefix();
        // Each round queues one flash per request, more than the default cap keeps.
        try (SessionContainer container = SessionContainer.start(TestRedis.config(prefix,
                "usersession.flash.max-queued", "1000"))) {
            container.clock().set(Instant.now());
            String cookie = container.request(null, session -> session.put("start", "1"))
                    .flatMap(CookieUpdate::value).orElseThrow();
            long millis = ParallelRounds.run(container, cookie, ROUNDS, PARALLEL);

            System.out.printf("REDIS: %d rounds of %d parallel requests in %d ms%n", ROUNDS, PARALLEL, millis);
        } finally {
            TestRedis.deleteKeys(prefix);
        }
    }

    @Test
    void outageFailsFastAndRecovers() throws Exception {
        int port = freePort();
        Process redis = startRedis(port);
        String prefix = TestRedis.uniquePrefix();
        try (SessionContainer container = SessionContainer.start(Map.of("usersession.store", "redis",
                "usersession.redis.uri", "redis://127.0.0.1:" + port, "usersession.redis.key-prefix", prefix,
                "usersession.redis.timeout", "1s"))) {
            container.clock().set(Instant.now());
            String cookie = container.request(null, session -> session.put("a", "1"))
                    .flatMap(CookieUpdate::value).orElseThrow();

            redis.destroy();
            assertThat(redis.waitFor(10, TimeUnit.SECONDS)).isTrue();
            List<Long> failureMillis = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                long started = System.nanoTime();
                assertThatThrownBy(() -> container.request(cookie, UserSession::isGuest))
                        .isInstanceOf(SessionStoreException.class);
                failureMillis.add(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
            }

            // Parallel requests during the outage all end quickly: no thread waits on a dead connection.
            ExecutorService threads = Executors.newFixedThreadPool(16);
            List<CompletableFuture<Boolean>> parallel = new ArrayList<>();
            for (int i = 0; i < 16; i++) {
                parallel.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        container.request(cookie, UserSession::isGuest);
                        return false;
                    } catch (SessionStoreException e) {
                        return true;
                    }
                }, threads));
            }
            for (CompletableFuture<Boolean> request : parallel) {
                assertThat(request.get(5, TimeUnit.SECONDS)).as("failed with SessionStoreException").isTrue();
            }
            threads.shutdown();
            RedisStore store = container.bean(RedisStore.class, StoreName.Literal.of("redis"));
            assertThat(store.isAvailable()).as("readiness while Redis is down").isFalse();

            redis = startRedis(port);
            long restarted = System.nanoTime();
            boolean recovered = false;
            while (!recovered && System.nanoTime() - restarted < Duration.ofSeconds(20).toNanos()) {
                try {
                    container.request(null, session -> session.put("b", "2"));
                    recovered = true;
                } catch (SessionStoreException e) {
                    Thread.sleep(100);
                }
            }
            long recoveryMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - restarted);

            System.out.printf("Redis outage: failures took %s ms; recovery %d ms after restart%n", failureMillis,
                    recoveryMillis);
            assertThat(failureMillis).allSatisfy(millis -> assertThat(millis).isLessThan(1500));
            assertThat(recovered).isTrue();
            assertThat(store.isAvailable()).as("readiness after Redis is back").isTrue();
        } finally {
            redis.destroy();
            redis.waitFor(10, TimeUnit.SECONDS);
        }
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Starts a throw-away Redis server on a loopback port, without persistence. */
    static Process startRedis(int port) throws Exception {
        Process process = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no")
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
                return process;
            } catch (IOException e) {
                Thread.sleep(50);
            }
        }
        process.destroy();
        throw new IllegalStateException("redis-server did not start on port " + port);
    }

    static void ping(String marker) {
        RedisClient client = RedisClient.create(TestRedis.uri());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            connection.sync().exists(marker);
        } finally {
            client.shutdown();
        }
    }
}
