-- usersession JDBC store schema for MariaDB and MySQL (InnoDB). ${prefix} is
-- usersession.jdbc.table-prefix (default usersession_). Times are UTC epoch milliseconds.
-- utf8mb4 keeps 4-byte characters; the binary collation keeps keys and user IDs case-sensitive.
-- Safe to run more than once.

CREATE TABLE IF NOT EXISTS ${prefix}session (
    pk            BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    id            VARCHAR(64)  CHARACTER SET ascii COLLATE ascii_bin NOT NULL,
    previous_id   VARCHAR(64)  CHARACTER SET ascii COLLATE ascii_bin,
    rotated_at    BIGINT,
    user_id       VARCHAR(255),
    created_at    BIGINT       NOT NULL,
    last_accessed BIGINT       NOT NULL,
    expires_at    BIGINT       NOT NULL,
    UNIQUE KEY ${prefix}session_id (id),
    KEY ${prefix}session_user (user_id),
    KEY ${prefix}session_expires (expires_at),
    KEY ${prefix}session_previous (previous_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE IF NOT EXISTS ${prefix}attribute (
    session_pk BIGINT       NOT NULL,
    name       VARCHAR(255) NOT NULL,
    content    MEDIUMTEXT   NOT NULL,
    PRIMARY KEY (session_pk, name),
    CONSTRAINT ${prefix}attribute_session FOREIGN KEY (session_pk) REFERENCES ${prefix}session (pk) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;

CREATE TABLE IF NOT EXISTS ${prefix}flash (
    seq        BIGINT       NOT NULL AUTO_INCREMENT PRIMARY KEY,
    session_pk BIGINT       NOT NULL,
    kind       VARCHAR(255) NOT NULL,
    page       VARCHAR(255) NOT NULL DEFAULT '',
    message    MEDIUMTEXT   NOT NULL,
    KEY ${prefix}flash_session (session_pk, seq),
    CONSTRAINT ${prefix}flash_session_fk FOREIGN KEY (session_pk) REFERENCES ${prefix}session (pk) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_bin;
