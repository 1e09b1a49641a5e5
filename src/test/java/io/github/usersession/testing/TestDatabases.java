package io.github.usersession.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ThreadLocalRandom;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The databases the JDBC store tests run against: the PostgreSQL and MariaDB servers on this
 * machine, and H2 in this JVM. The addresses come from environment variables, with the
 * defaults of the development machines and CI.
 */
public enum TestDatabases {

    POSTGRESQL("USERSESSION_TEST_POSTGRESQL_URL", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres"),
    MARIADB("USERSESSION_TEST_MARIADB_URL", "jdbc:mariadb://127.0.0.1:3306/test?user=root"),
    H2("USERSESSION_TEST_H2_URL", "jdbc:h2:mem:usersession;DB_CLOSE_DELAY=-1");

    private final String variable;
    private final String defaultUrl;

    TestDatabases(String variable, String defaultUrl) {
        this.variable = variable;
        this.defaultUrl = defaultUrl;
    }

    public String url() {
        String configured = System.getenv(variable);
        return configured == null || configured.isBlank() ? defaultUrl : configured;
    }

    /** Opens a pool of at most {@code size} connections that fails within 5 seconds when the database is down. */
    public HikariDataSource pool(int size) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url());
        config.setMaximumPoolSize(size);
        config.setConnectionTimeout(5_000);
        config.setPoolName("usersession-test-" + name().toLowerCase(Locale.ROOT));
        return new HikariDataSource(config);
    }

    /** Returns a table prefix no other test uses, so that tests can run against one database. */
    public static String uniquePrefix() {
        return "ut" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0xFFFFFF)) + "_";
    }

    /** Drops the tables of a prefix. */
    public static void dropTables(DataSource dataSource, String prefix) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            for (String table : List.of("flash", "attribute", "session")) {
                statement.execute("DROP TABLE IF EXISTS " + prefix + table);
            }
        }
    }
}
