package io.github.usersession.store.jdbc;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.github.usersession.SessionStoreException;
import io.github.usersession.testing.LogCapture;
import io.github.usersession.testing.TestSettings;

class JdbcCleanupTest {

    static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

    @Test
    void runPassesBatchSizeAndLogsFailureOnce() {
        List<String> calls = new ArrayList<>();
        boolean[] failing = {true};
        JdbcCleanup cleanup = new JdbcCleanup(TestSettings.read(Map.of("usersession.jdbc.cleanup-batch-size", "50")).jdbc(),
                (now, batchSize, maxBatches) -> {
                    calls.add(now + " " + batchSize + " " + maxBatches);
                    if (failing[0]) {
                        throw new SessionStoreException("connection refused");
                    }
                    return 3;
                }, () -> NOW);

        try (LogCapture log = new LogCapture()) {
            cleanup.run();
            cleanup.run();
            failing[0] = false;
            cleanup.run();

            assertThat(calls).containsOnly(NOW + " 50 " + JdbcCleanup.MAX_BATCHES_PER_RUN).hasSize(3);
            assertThat(log.messages()).filteredOn(message -> message.startsWith("USESS-0106: Deleting expired JDBC"))
                    .hasSize(1);
            assertThat(log.messages()).contains("Deleting expired JDBC sessions works again.");
        }
    }

    @Test
    void startWithoutManagedExecutorIsLoggedOnce() {
        JdbcCleanup cleanup = new JdbcCleanup(TestSettings.read(Map.of()).jdbc(), (now, size, max) -> 0, () -> NOW);

        try (LogCapture log = new LogCapture()) {
            cleanup.startOnce();
            cleanup.startOnce();
            cleanup.stop();

            assertThat(log.debugMessages()).filteredOn(message -> message.startsWith("No " + JdbcCleanup.EXECUTOR))
                    .hasSize(1);
        }
    }
}
