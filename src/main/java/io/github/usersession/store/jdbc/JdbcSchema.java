package io.github.usersession.store.jdbc;

import static io.github.usersession.log.MessageCodes.SCHEMA_CREATED;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;

import org.jboss.logging.Logger;

import io.github.usersession.config.JdbcSettings;

/**
 * Detects the database's dialect and creates the store's tables when they are missing, from the
 * same SQL files that DBAs can run by hand. A failed attempt is retried on the next use.
 */
final class JdbcSchema {

    private static final Logger LOG = Logger.getLogger(JdbcSchema.class);

    private final JdbcSettings settings;
    private volatile Dialect dialect;
    private volatile boolean ready;

    JdbcSchema(JdbcSettings settings) {
        this.settings = settings;
    }

    Dialect dialect(Connection connection) throws SQLException {
        Dialect current = dialect;
        if (current == null) {
            String product = connection.getMetaData().getDatabaseProductName();
            current = Dialect.of(product).orElseThrow(() -> new SQLException("The JDBC session store supports"
                    + " PostgreSQL, MariaDB, MySQL and H2, not " + product + ". Point usersession.jdbc.datasource"
                    + " at one of those, or implement a store of your own."));
            dialect = current;
        }
        return current;
    }

    /** Creates the tables once, when {@code usersession.jdbc.create-schema} is true. */
    void ensure(Connection connection) throws SQLException {
        if (ready) {
            return;
        }
        synchronized (this) {
            if (ready) {
                return;
            }
            Dialect current = dialect(connection);
            if (settings.createSchema()) {
                try (Statement statement = connection.createStatement()) {
                    for (String ddl : statements(current)) {
                        statement.execute(ddl);
                    }
                }
                LOG.infof("%s: The JDBC session store's tables with prefix '%s' are in place (%s).", SCHEMA_CREATED,
                        settings.tablePrefix(), current);
            }
            ready = true;
        }
    }

    /** Returns the DDL statements of a dialect's SQL file with the configured prefix. */
    List<String> statements(Dialect dialect) {
        String script = read(dialect.schemaResource()).replace("${prefix}", settings.tablePrefix());
        return Arrays.stream(script.split(";\\s*\\n"))
                .map(JdbcSchema::withoutComments)
                .filter(statement -> !statement.isBlank())
                .toList();
    }

    private static String withoutComments(String statement) {
        return statement.lines()
                .filter(line -> !line.stripLeading().startsWith("--"))
                .reduce("", (joined, line) -> joined + line + "\n")
                .strip();
    }

    private static String read(String resource) {
        try (InputStream input = JdbcSchema.class.getResourceAsStream(resource)) {
            if (input == null) {
                throw new IllegalStateException("The usersession jar lacks " + resource);
            }
            return new String(input.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
