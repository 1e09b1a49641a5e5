package io.github.usersession.bench;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import io.github.usersession.SessionChanges;
import io.github.usersession.StoredSession;
import io.github.usersession.state.SessionIds;
import io.github.usersession.store.memory.MemoryStore;
import io.github.usersession.testing.TestSettings;

/**
 * Measures the memory store's load and save in a store of 8192 sessions, each with 200 bytes of
 * attributes as JSON. Each call takes the next session in turn. A save is the usual one of an
 * existing session, which merges one written key into the stored session.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Fork(2)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
public class MemoryStoreBenchmark {

    private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    /** A power of two, so that the next index is a mask. */
    private static final int SESSIONS = 8192;

    private MemoryStore store;
    private final String[] ids = new String[SESSIONS];
    private final SessionChanges[] updates = new SessionChanges[SESSIONS];
    private int next;

    @Setup
    public void setUp() {
        store = new MemoryStore(TestSettings.read(Map.of()));
        Random random = new Random(SESSIONS);
        for (int i = 0; i < SESSIONS; i++) {
            ids[i] = SessionIds.newId();
            Map<String, String> attributes = SessionData.attributes(200, random);
            StoredSession session = new StoredSession(ids[i], "user-" + i, attributes, List.of(), NOW, NOW);
            store.save(new SessionChanges(null, session, attributes, Set.of(), true, List.of(), List.of()), NOW);
            updates[i] = oneKeyWritten(session);
        }
    }

    @Benchmark
    public Optional<StoredSession> load() {
        return store.load(ids[next++ & (SESSIONS - 1)], NOW);
    }

    @Benchmark
    public Optional<String> save() {
        return store.save(updates[next++ & (SESSIONS - 1)], NOW);
    }

    /** Returns the changes of a request that set the key "visits" of a stored session. */
    private static SessionChanges oneKeyWritten(StoredSession stored) {
        Map<String, String> attributes = new HashMap<>(stored.attributes());
        attributes.put("visits", "2");
        StoredSession result = new StoredSession(stored.id(), stored.userId().orElse(null), attributes, List.of(),
                stored.created(), NOW);
        return new SessionChanges(stored.id(), result, Map.of("visits", "2"), Set.of(), false, List.of(), List.of());
    }
}
