package io.github.usersession.store.jdbc;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.jboss.logging.Logger;

import io.github.usersession.Flash;
import io.github.usersession.SessionChanges;
import io.github.usersession.SessionIndex;
import io.github.usersession.SessionStore;
import io.github.usersession.SessionStoreException;
import io.github.usersession.StoreName;
import io.github.usersession.StoredSession;
import io.github.usersession.config.SessionSettings;
import io.github.usersession.config.SettingsReader;
import io.github.usersession.state.SessionClock;
import io.github.usersession.state.SessionExpiry;
import io.github.usersession.state.SessionIds;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Keeps sessions in a relational database (PostgreSQL, MariaDB or MySQL, H2) through a JNDI
 * data source, so that several servers share them.
 *
 * <p>A save changes only what its request changed: one row per attribute, inserted, replaced
 * (an upsert in the database's own dialect) or deleted, and one row per flash. Each save locks
 * its session row before it touches any other row, so saves of one session take their locks in
 * the same order and run one after the other, while parallel requests that write different keys
 * keep each other's writes. Flashes are taken
 * with one atomic delete, so a flash is shown once. Times are UTC epoch milliseconds; each row
 * carries its expiry instant, which the load query and the cleanup task compare with.
 *
 * <p>A sign-in renames the session row (new ID, old ID kept as {@code previous_id} for one
 * minute): a load under the old ID finds nothing, while a save from a request that loaded the
 * session before the sign-in still reaches the renamed row, without learning the new ID.
 */
@ApplicationScoped
@StoreName(SettingsReader.JDBC_STORE)
public class JdbcStore implements SessionStore, SessionIndex {

    private static final Logger LOG = Logger.getLogger(JdbcStore.class);

    /** How long a save under a rotated-away ID still reaches the renamed session. */
    static final long ROTATION_GRACE_MILLIS = 60_000;

    private final JdbcDataSource dataSource;
    private final SessionExpiry expiry;
    private final String prefix;
    private final JdbcSchema schema;
    private final JdbcCleanup cleanup;

    @Inject
    public JdbcStore(JdbcDataSource dataSource, SessionSettings settings, SessionClock clock) {
        this.dataSource = dataSource;
        this.expiry = SessionExpiry.of(settings);
        this.prefix = settings.jdbc().tablePrefix();
        this.schema = new JdbcSchema(settings.jdbc());
        this.cleanup = new JdbcCleanup(settings.jdbc(), this::deleteExpired, clock::now);
    }

    /** Needed by CDI to create the client proxy. */
    protected JdbcStore() {
        this.dataSource = null;
        this.expiry = null;
        this.prefix = null;
        this.schema = null;
        this.cleanup = null;
    }

    @Override
    public Optional<StoredSession> load(String cookieValue, Instant now) {
        return withConnection("load a session", connection -> {
            Optional<SessionRow> row = findSession(connection, cookieValue, now);
            if (row.isEmpty()) {
                return Optional.empty();
            }

            // 1. An expired row comes back without data, so that the caller sees its times and ends it.
            SessionRow session = row.get();
            if (!session.live()) {
                return Optional.of(session.toStoredSession(Map.of(), List.of()));
            }

            // 2. Attributes and flashes of a live session.
            return Optional.of(session.toStoredSession(readAttributes(connection, session.pk()),
                    readFlashes(connection, session.pk())));
        });
    }

    @Override
    public Optional<String> save(SessionChanges changes, Instant now) {
        return inTransaction("save a session", connection -> {
            StoredSession result = changes.result();
            Optional<String> previousId = changes.previousId();

            // 1. Insert a new session row, or lock the existing one (under its old ID after a
            //    parallel sign-in). Locking it first makes saves of one session run in turn.
            long pk;
            boolean forwarded = false;
            if (previousId.isEmpty()) {
                pk = insertSession(connection, result, now);
            } else {
                Optional<LockedRow> locked = lockSession(connection, previousId.get(), now);
                if (locked.isEmpty()) {
                    LOG.debugf("Dropped a save for session %s, which no longer exists", SessionIds.prefix(previousId.get()));
                    return Optional.empty();
                }
                pk = locked.get().pk();
                forwarded = !locked.get().id().equals(previousId.get());
                updateSession(connection, pk, locked.get().created(), changes, forwarded, now);
            }

            // 2. Only what this request changed: attributes, then queued flashes.
            writeAttributes(connection, pk, changes);
            insertFlashes(connection, pk, changes.addedFlashes());
            if (!changes.addedFlashes().isEmpty()) {
                dropOldestFlashes(connection, pk, changes.maxQueuedFlashes());
            }
            return forwarded ? Optional.empty() : Optional.of(result.id());
        });
    }

    @Override
    public Optional<List<Flash>> takeFlashes(String sessionId, String page, Instant now) {
        return Optional.of(withConnection("take flashes", connection -> {
            Optional<SessionRow> row = findSession(connection, sessionId, now);
            if (row.isEmpty() || !row.get().live()) {
                return List.of();
            }

            List<FlashRow> taken = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(sql(dialect(connection).takeFlashes()))) {
                statement.setLong(1, row.get().pk());
                statement.setString(2, page);
                try (ResultSet rows = statement.execute() ? statement.getResultSet() : null) {
                    while (rows != null && rows.next()) {
                        taken.add(new FlashRow(rows.getLong(1),
                                new Flash(rows.getString(2), rows.getString(3), rows.getString(4))));
                    }
                }
            }
            return taken.stream().sorted(Comparator.comparingLong(FlashRow::seq)).map(FlashRow::flash).toList();
        }));
    }

    @Override
    public void delete(String sessionId) {
        withConnection("delete a session", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql("DELETE FROM ${prefix}session WHERE id = ?"))) {
                statement.setString(1, sessionId);
                return statement.executeUpdate();
            }
        });
    }

    @Override
    public boolean isAvailable() {
        try (Connection connection = dataSource.get().getConnection()) {
            return connection.isValid(2);
        } catch (SQLException | SessionStoreException e) {
            return false;
        }
    }

    @Override
    public List<StoredSession> findByUser(String userId, Instant now) {
        return withConnection("list a user's sessions", connection -> {
            List<StoredSession> sessions = new ArrayList<>();
            try (PreparedStatement statement = connection.prepareStatement(sql(
                    "SELECT id, created_at, last_accessed FROM ${prefix}session WHERE user_id = ? AND expires_at > ?"))) {
                statement.setString(1, userId);
                statement.setLong(2, now.toEpochMilli());
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        sessions.add(new StoredSession(rows.getString(1), userId, Map.of(), List.of(),
                                Instant.ofEpochMilli(rows.getLong(2)), Instant.ofEpochMilli(rows.getLong(3))));
                    }
                }
            }
            return sessions;
        });
    }

    @Override
    public int deleteByUser(String userId, String keepSessionId) {
        return withConnection("end a user's sessions", connection -> {
            try (PreparedStatement statement = connection.prepareStatement(sql(
                    "DELETE FROM ${prefix}session WHERE user_id = ? AND id <> ?"))) {
                statement.setString(1, userId);
                statement.setString(2, keepSessionId == null ? "" : keepSessionId);
                return statement.executeUpdate();
            }
        });
    }

    /**
     * Deletes expired sessions in batches of {@code usersession.jdbc.cleanup-batch-size}, each in
     * its own short transaction, so that request writes are never locked out for long.
     *
     * @return the number of sessions deleted
     */
    public int deleteExpired(Instant now, int batchSize, int maxBatches) {
        int deleted = 0;
        for (int batch = 0; batch < maxBatches; batch++) {
            int count = inTransaction("delete expired sessions", connection -> {
                try (PreparedStatement statement = connection.prepareStatement(sql(dialect(connection).deleteExpired()))) {
                    statement.setLong(1, now.toEpochMilli());
                    statement.setInt(2, batchSize);
                    return statement.executeUpdate();
                }
            });
            deleted += count;
            if (count < batchSize) {
                break;
            }
        }
        return deleted;
    }

    @PreDestroy
    void stop() {
        cleanup.stop();
    }

    private Optional<SessionRow> findSession(Connection connection, String id, Instant now) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql(
                "SELECT pk, user_id, created_at, last_accessed, CASE WHEN expires_at > ? THEN 1 ELSE 0 END"
                        + " FROM ${prefix}session WHERE id = ?"))) {
            statement.setLong(1, now.toEpochMilli());
            statement.setString(2, id);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return Optional.empty();
                }
                return Optional.of(new SessionRow(rows.getLong(1), id, rows.getString(2),
                        Instant.ofEpochMilli(rows.getLong(3)), Instant.ofEpochMilli(rows.getLong(4)), rows.getInt(5) == 1));
            }
        }
    }

    private Map<String, String> readAttributes(Connection connection, long pk) throws SQLException {
        Map<String, String> attributes = new LinkedHashMap<>();
        try (PreparedStatement statement = connection.prepareStatement(sql(
                "SELECT name, content FROM ${prefix}attribute WHERE session_pk = ?"))) {
            statement.setLong(1, pk);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    attributes.put(rows.getString(1), rows.getString(2));
                }
            }
        }
        return attributes;
    }

    private List<Flash> readFlashes(Connection connection, long pk) throws SQLException {
        List<Flash> flashes = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(sql(
                "SELECT kind, message, page FROM ${prefix}flash WHERE session_pk = ? ORDER BY seq"))) {
            statement.setLong(1, pk);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    flashes.add(new Flash(rows.getString(1), rows.getString(2), rows.getString(3)));
                }
            }
        }
        return flashes;
    }

    private long insertSession(Connection connection, StoredSession session, Instant now) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql(
                "INSERT INTO ${prefix}session (id, user_id, created_at, last_accessed, expires_at) VALUES (?, ?, ?, ?, ?)"),
                new String[] {"pk"})) {
            statement.setString(1, session.id());
            setNullableString(statement, 2, session.userId().orElse(null));
            statement.setLong(3, session.created().toEpochMilli());
            statement.setLong(4, now.toEpochMilli());
            statement.setLong(5, expiry.expiresAt(session).toEpochMilli());
            statement.executeUpdate();
            try (ResultSet keys = statement.getGeneratedKeys()) {
                if (!keys.next()) {
                    throw new SQLException("The database returned no key for the new session row");
                }
                return keys.getLong(1);
            }
        }
    }

    private Optional<LockedRow> lockSession(Connection connection, String id, Instant now) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql(
                "SELECT pk, id, created_at FROM ${prefix}session"
                        + " WHERE (id = ? OR (previous_id = ? AND rotated_at > ?)) AND expires_at > ? FOR UPDATE"))) {
            statement.setString(1, id);
            statement.setString(2, id);
            statement.setLong(3, now.toEpochMilli() - ROTATION_GRACE_MILLIS);
            statement.setLong(4, now.toEpochMilli());
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next()
                        ? Optional.of(new LockedRow(rows.getLong(1), rows.getString(2), Instant.ofEpochMilli(rows.getLong(3))))
                        : Optional.empty();
            }
        }
    }

    private void updateSession(Connection connection, long pk, Instant created, SessionChanges changes, boolean forwarded,
                               Instant now) throws SQLException {
        StoredSession result = changes.result();
        StoredSession accessed = new StoredSession(result.id(), null, Map.of(), List.of(), created, now);
        boolean rotate = changes.idRotated() && !forwarded;
        boolean setUser = changes.userIdChanged() && !forwarded;

        StringBuilder update = new StringBuilder("UPDATE ${prefix}session SET last_accessed = ?, expires_at = ?");
        if (setUser) {
            update.append(", user_id = ?");
        }
        if (rotate) {
            update.append(", id = ?, previous_id = ?, rotated_at = ?");
        }
        update.append(" WHERE pk = ?");

        try (PreparedStatement statement = connection.prepareStatement(sql(update.toString()))) {
            int index = 1;
            statement.setLong(index++, now.toEpochMilli());
            statement.setLong(index++, expiry.expiresAt(accessed).toEpochMilli());
            if (setUser) {
                setNullableString(statement, index++, result.userId().orElse(null));
            }
            if (rotate) {
                statement.setString(index++, result.id());
                statement.setString(index++, changes.previousId().orElseThrow());
                statement.setLong(index++, now.toEpochMilli());
            }
            statement.setLong(index, pk);
            statement.executeUpdate();
        }
    }

    private void writeAttributes(Connection connection, long pk, SessionChanges changes) throws SQLException {
        if (!changes.written().isEmpty()) {
            try (PreparedStatement statement = connection.prepareStatement(sql(dialect(connection).upsertAttribute()))) {
                for (Map.Entry<String, String> attribute : changes.written().entrySet()) {
                    statement.setLong(1, pk);
                    statement.setString(2, attribute.getKey());
                    statement.setString(3, attribute.getValue());
                    statement.addBatch();
                }
                statement.executeBatch();
            }
        }
        if (!changes.removed().isEmpty()) {
            try (PreparedStatement statement = connection.prepareStatement(sql(
                    "DELETE FROM ${prefix}attribute WHERE session_pk = ? AND name = ?"))) {
                for (String name : changes.removed()) {
                    statement.setLong(1, pk);
                    statement.setString(2, name);
                    statement.addBatch();
                }
                statement.executeBatch();
            }
        }
    }

    private void insertFlashes(Connection connection, long pk, List<Flash> flashes) throws SQLException {
        if (flashes.isEmpty()) {
            return;
        }
        try (PreparedStatement statement = connection.prepareStatement(sql(
                "INSERT INTO ${prefix}flash (session_pk, kind, message, page) VALUES (?, ?, ?, ?)"))) {
            for (Flash flash : flashes) {
                statement.setLong(1, pk);
                statement.setString(2, flash.kind());
                statement.setString(3, flash.message());
                statement.setString(4, flash.page());
                statement.addBatch();
            }
            statement.executeBatch();
        }
    }

    /**
     * Deletes the oldest flashes of a session beyond the cap. The session row is locked, so no
     * parallel save adds flashes in between the two statements.
     */
    private void dropOldestFlashes(Connection connection, long pk, int maxQueuedFlashes) throws SQLException {
        if (maxQueuedFlashes == SessionChanges.NO_FLASH_LIMIT) {
            return;
        }

        // The newest flash beyond the cap; it and all older ones go.
        long newestDropped;
        try (PreparedStatement statement = connection.prepareStatement(sql(
                "SELECT seq FROM ${prefix}flash WHERE session_pk = ? ORDER BY seq DESC LIMIT 1 OFFSET "
                        + maxQueuedFlashes))) {
            statement.setLong(1, pk);
            try (ResultSet rows = statement.executeQuery()) {
                if (!rows.next()) {
                    return;
                }
                newestDropped = rows.getLong(1);
            }
        }

        try (PreparedStatement statement = connection.prepareStatement(sql(
                "DELETE FROM ${prefix}flash WHERE session_pk = ? AND seq <= ?"))) {
            statement.setLong(1, pk);
            statement.setLong(2, newestDropped);
            SessionChanges.logDroppedFlashes(statement.executeUpdate(), maxQueuedFlashes);
        }
    }

    private static void setNullableString(PreparedStatement statement, int index, String value) throws SQLException {
        if (value == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, value);
        }
    }

    private String sql(String statement) {
        return statement.replace("${prefix}", prefix);
    }

    private Dialect dialect(Connection connection) throws SQLException {
        return schema.dialect(connection);
    }

    /** Work on one connection; SQL failures become {@link SessionStoreException}. */
    @FunctionalInterface
    private interface ConnectionWork<T> {
        T run(Connection connection) throws SQLException;
    }

    private <T> T withConnection(String action, ConnectionWork<T> work) {
        try (Connection connection = dataSource.get().getConnection()) {
            schema.ensure(connection);
            cleanup.startOnce();
            return work.run(connection);
        } catch (SQLException e) {
            throw failure(action, e);
        }
    }

    private <T> T inTransaction(String action, ConnectionWork<T> work) {
        return withConnection(action, connection -> {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        });
    }

    private static SessionStoreException failure(String action, SQLException e) {
        return new SessionStoreException("The JDBC session store could not " + action + ": " + e.getMessage()
                + " (SQL state " + e.getSQLState() + ")", e);
    }

    /** A session row as the load query reads it. */
    private record SessionRow(long pk, String id, String userId, Instant created, Instant lastAccessed, boolean live) {

        StoredSession toStoredSession(Map<String, String> attributes, List<Flash> flashes) {
            return new StoredSession(id, userId, attributes, flashes, created, lastAccessed);
        }
    }

    /** A session row locked for a save; its ID differs from the requested one after a sign-in. */
    private record LockedRow(long pk, String id, Instant created) {
    }

    private record FlashRow(long seq, Flash flash) {
    }
}
