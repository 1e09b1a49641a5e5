package io.github.usersession.store.jdbc;

import java.util.Locale;
import java.util.Optional;

/**
 * The SQL that differs between the databases the JDBC store supports. Statements use the
 * placeholder {@code ${prefix}} for the table name prefix.
 */
enum Dialect {

    POSTGRESQL("postgresql.sql",
            "INSERT INTO ${prefix}attribute (session_pk, name, content) VALUES (?, ?, ?)"
                    + " ON CONFLICT (session_pk, name) DO UPDATE SET content = EXCLUDED.content",
            "DELETE FROM ${prefix}flash WHERE session_pk = ? AND page IN ('', ?) RETURNING seq, kind, message, page",
            "DELETE FROM ${prefix}session WHERE pk IN"
                    + " (SELECT pk FROM ${prefix}session WHERE expires_at <= ? LIMIT ? FOR UPDATE SKIP LOCKED)"),

    MARIADB("mariadb.sql",
            "INSERT INTO ${prefix}attribute (session_pk, name, content) VALUES (?, ?, ?)"
                    + " ON DUPLICATE KEY UPDATE content = VALUES(content)",
            "DELETE FROM ${prefix}flash WHERE session_pk = ? AND page IN ('', ?) RETURNING seq, kind, message, page",
            "DELETE FROM ${prefix}session WHERE expires_at <= ? ORDER BY expires_at LIMIT ?"),

    H2("h2.sql",
            "MERGE INTO ${prefix}attribute (session_pk, name, content) KEY (session_pk, name) VALUES (?, ?, ?)",
            "SELECT seq, kind, message, page FROM OLD TABLE (DELETE FROM ${prefix}flash WHERE session_pk = ? AND page IN ('', ?))",
            "DELETE FROM ${prefix}session WHERE pk IN (SELECT pk FROM ${prefix}session WHERE expires_at <= ? LIMIT ?)");

    private final String schemaResource;
    private final String upsertAttribute;
    private final String takeFlashes;
    private final String deleteExpired;

    Dialect(String schemaResource, String upsertAttribute, String takeFlashes, String deleteExpired) {
        this.schemaResource = schemaResource;
        this.upsertAttribute = upsertAttribute;
        this.takeFlashes = takeFlashes;
        this.deleteExpired = deleteExpired;
    }

    /** Chooses the dialect from {@code DatabaseMetaData#getDatabaseProductName()}. */
    static Optional<Dialect> of(String databaseProductName) {
        String name = databaseProductName.toLowerCase(Locale.ROOT);
        if (name.contains("postgresql")) {
            return Optional.of(POSTGRESQL);
        }
        if (name.contains("mariadb") || name.contains("mysql")) {
            return Optional.of(MARIADB);
        }
        if (name.contains("h2")) {
            return Optional.of(H2);
        }
        return Optional.empty();
    }

    /** The classpath resource, next to this class, with the schema's DDL. */
    String schemaResource() {
        return schemaResource;
    }

    /** Inserts an attribute, or replaces its value; parameters: session pk, name, value. */
    String upsertAttribute() {
        return upsertAttribute;
    }

    /**
     * Deletes the flashes of a session that a page shows and returns them as rows of seq, kind,
     * message, page; parameters: session pk, page path.
     */
    String takeFlashes() {
        return takeFlashes;
    }

    /** Deletes one batch of expired sessions; parameters: now (epoch millis), batch size. */
    String deleteExpired() {
        return deleteExpired;
    }
}
