package io.github.usersession.store.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.github.usersession.Flash;
import io.github.usersession.SessionChanges;
import io.github.usersession.StoredSession;
import io.github.usersession.state.SessionIds;
import io.github.usersession.testing.TestSettings;

/**
 * The Redis store on a Redis Cluster of three nodes and behind Redis Sentinel, both started by
 * the test on free loopback ports with the machine's redis-server.
 */
class RedisTopologiesTest {

    static final Instant NOW = Instant.now();

    final List<Process> servers = new ArrayList<>();

    @TempDir
    Path directory;

    @AfterEach
    void stopServers() throws InterruptedException {
        for (Process server : servers) {
            server.destroy();
            server.waitFor(10, TimeUnit.SECONDS);
        }
    }

    Process start(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of("redis-server"));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).directory(directory.toFile())
                .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        servers.add(process);
        return process;
    }

    static void awaitPort(int port) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            try (java.net.Socket socket = new java.net.Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("Nothing listens on 127.0.0.1:" + port);
    }

    static String run(String... command) throws Exception {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return output;
    }

    /** Exercises the store: new session, sign-in with a new ID, a late save, flashes and the user index. */
    static void exerciseStore(RedisStore store) {
        StoredSession guest = new StoredSession(SessionIds.newId(), null, Map.of("color", "red"), List.of(Flash.of("hi")),
                NOW, NOW);
        String guestValue = store.save(new SessionChanges(null, guest, guest.attributes(), Set.of(), false,
                guest.flashes(), List.of()), NOW).orElseThrow();
        StoredSession loaded = store.load(guestValue, NOW).orElseThrow();

        StoredSession signedIn = new StoredSession(SessionIds.newId(), "alice", loaded.attributes(), List.of(), NOW, NOW);
        String userValue = store.save(new SessionChanges(guestValue, signedIn, Map.of(), Set.of(), true, List.of(),
                List.of()), NOW).orElseThrow();
        StoredSession late = new StoredSession(guestValue, null, Map.of("cart", "1"), List.of(), NOW, NOW);
        store.save(new SessionChanges(guestValue, late, Map.of("cart", "1"), Set.of(), false, List.of(), List.of()), NOW);

        assertThat(store.load(guestValue, NOW)).isEmpty();
        assertThat(store.load(userValue, NOW).orElseThrow().attributes()).containsEntry("color", "red").containsEntry("cart", "1");
        assertThat(store.takeFlashes(userValue, "/", NOW).orElseThrow()).containsExactly(Flash.of("hi"));
        assertThat(store.findByUser("alice", NOW)).extracting(StoredSession::id).containsExactly(userValue);
    }

    @Test
    void worksOnCluster() throws Exception {
        List<Integer> ports = List.of(RedisRequestsTest.freePort(), RedisRequestsTest.freePort(), RedisRequestsTest.freePort());
        for (int port : ports) {
            start("--port", Integer.toString(port), "--bind", "127.0.0.1", "--cluster-enabled", "yes",
                    "--cluster-config-file", "nodes-" + port + ".conf", "--save", "", "--appendonly", "no");
        }
        for (int port : ports) {
            awaitPort(port);
        }
        run("redis-cli", "--cluster", "create", "127.0.0.1:" + ports.get(0), "127.0.0.1:" + ports.get(1),
                "127.0.0.1:" + ports.get(2), "--cluster-yes");
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!run("redis-cli", "-p", Integer.toString(ports.get(0)), "cluster", "info").contains("cluster_state:ok")
                && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }

        RedisStore store = new RedisStore(TestSettings.read(Map.of("usersession.store", "redis",
                "usersession.redis.uri", "redis://127.0.0.1:" + ports.get(0), "usersession.redis.cluster", "true")));
        try {
            exerciseStore(store);
        } finally {
            store.close();
        }
    }

    @Test
    void worksBehindSentinel() throws Exception {
        int masterPort = RedisRequestsTest.freePort();
        int sentinelPort = RedisRequestsTest.freePort();
        start("--port", Integer.toString(masterPort), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no");
        awaitPort(masterPort);
        Path config = directory.resolve("sentinel.conf");
        Files.writeString(config, "port " + sentinelPort + "\nbind 127.0.0.1\n"
                + "sentinel monitor usersession 127.0.0.1 " + masterPort + " 1\n");
        start(config.toString(), "--sentinel");
        awaitPort(sentinelPort);

        RedisStore store = new RedisStore(TestSettings.read(Map.of("usersession.store", "redis",
                "usersession.redis.uri", "redis-sentinel://127.0.0.1:" + sentinelPort + "/0#usersession")));
        try {
            exerciseStore(store);
        } finally {
            store.close();
        }
    }
}
