package io.github.usersession.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import io.github.usersession.Flash;

/**
 * Rounds of parallel requests on one session, each writing its own key and queuing a flash,
 * checked after every round: each key and each flash must arrive exactly once. The checking
 * request removes them, so the session stays small and a flash shown twice would show in a
 * later round.
 */
public final class ParallelRounds {

    private ParallelRounds() {
    }

    /**
     * Runs the rounds and returns how long they took.
     *
     * @return the elapsed time in milliseconds
     */
    public static long run(SessionContainer container, String cookie, int rounds, int parallel) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(parallel);
        long started = System.nanoTime();
        try {
            for (int round = 0; round < rounds; round++) {
                List<CompletableFuture<?>> requests = new ArrayList<>();
                for (int request = 0; request < parallel; request++) {
                    String key = key(round, request);
                    requests.add(CompletableFuture.runAsync(() -> container.request(cookie, session -> {
                        session.put(key, key);
                        session.flash(Flash.of(key));
                    }), threads));
                }
                CompletableFuture.allOf(requests.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
                verifyAndClear(container, cookie, round, parallel);
            }
        } finally {
            threads.shutdown();
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);

        container.request(cookie, session -> assertThat(session.flashes()).as("flashes left over").isEmpty());
        return millis;
    }

    private static String key(int round, int request) {
        return "r" + round + "-" + request;
    }

    private static void verifyAndClear(SessionContainer container, String cookie, int round, int parallel) {
        container.request(cookie, session -> {
            List<String> shown = session.flashes().stream().map(Flash::message).toList();
            Set<String> expected = new HashSet<>();
            for (int request = 0; request < parallel; request++) {
                String key = key(round, request);
                expected.add(key);
                assertThat(session.get(key)).as("key %s", key).contains(key);
                session.delete(key);
            }
            assertThat(shown).as("flashes of round %d", round).hasSize(parallel).containsExactlyInAnyOrderElementsOf(expected);
        });
    }
}
