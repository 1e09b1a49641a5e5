package io.github.usersession.store.jdbc;

import static io.github.usersession.log.MessageCodes.CLEANUP_FAILED;

import java.time.Instant;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;

import javax.naming.InitialContext;
import javax.naming.NamingException;

import org.jboss.logging.Logger;

import io.github.usersession.config.JdbcSettings;

import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;

/**
 * Deletes expired sessions on a schedule, with the server's default
 * {@link ManagedScheduledExecutorService}. Started when the store is first used.
 */
final class JdbcCleanup {

    private static final Logger LOG = Logger.getLogger(JdbcCleanup.class);

    static final String EXECUTOR = "java:comp/DefaultManagedScheduledExecutorService";

    /** Batches per run at most, so that one run ends even while sessions expire faster than it deletes. */
    static final int MAX_BATCHES_PER_RUN = 100;

    /** Deletes one run's expired sessions. */
    @FunctionalInterface
    interface Deleter {
        int deleteExpired(Instant now, int batchSize, int maxBatches);
    }

    private final JdbcSettings settings;
    private final Deleter deleter;
    private final Supplier<Instant> clock;
    private final AtomicBoolean started = new AtomicBoolean();
    private final AtomicBoolean failing = new AtomicBoolean();
    private volatile ScheduledFuture<?> task;

    JdbcCleanup(JdbcSettings settings, Deleter deleter, Supplier<Instant> clock) {
        this.settings = settings;
        this.deleter = deleter;
        this.clock = clock;
    }

    void startOnce() {
        if (!started.compareAndSet(false, true)) {
            return;
        }
        try {
            ManagedScheduledExecutorService executor = InitialContext.doLookup(EXECUTOR);
            long interval = settings.cleanupInterval().toMillis();
            task = executor.scheduleWithFixedDelay(this::run, interval, interval, TimeUnit.MILLISECONDS);
        } catch (NamingException e) {
            LOG.debugf("No %s here (%s); expired JDBC sessions are not deleted on a schedule", EXECUTOR, e.getMessage());
        }
    }

    void run() {
        try {
            int deleted = deleter.deleteExpired(clock.get(), settings.cleanupBatchSize(), MAX_BATCHES_PER_RUN);
            if (failing.compareAndSet(true, false)) {
                LOG.info("Deleting expired JDBC sessions works again.");
            }
            LOG.debugf("Deleted %d expired JDBC sessions", deleted);
        } catch (RuntimeException e) {
            if (failing.compareAndSet(false, true)) {
                LOG.warnf(e, "%s: Deleting expired JDBC sessions failed: %s. The next run tries again.",
                        CLEANUP_FAILED, e.getMessage());
            }
        }
    }

    void stop() {
        ScheduledFuture<?> current = task;
        if (current != null) {
            current.cancel(false);
        }
    }
}
