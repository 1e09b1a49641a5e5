package io.github.usersession.config;

import java.time.Duration;
import java.util.Objects;

/**
 * The JDBC store's settings, read by {@link SettingsReader}.
 *
 * @param dataSource the JNDI name of the data source
 * @param tablePrefix the prefix of the store's table names
 * @param createSchema whether the store creates its tables when they are missing
 * @param cleanupInterval how often expired sessions are deleted
 * @param cleanupBatchSize how many expired sessions one delete statement removes at most
 */
public record JdbcSettings(String dataSource, String tablePrefix, boolean createSchema, Duration cleanupInterval,
                           int cleanupBatchSize) {

    public JdbcSettings {
        Objects.requireNonNull(dataSource, "dataSource must not be null");
        Objects.requireNonNull(tablePrefix, "tablePrefix must not be null");
        Objects.requireNonNull(cleanupInterval, "cleanupInterval must not be null");
    }
}
