package io.github.usersession.testing;

import javax.sql.DataSource;

import io.github.usersession.config.SessionSettings;
import io.github.usersession.store.jdbc.JdbcDataSource;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;

/** Hands the JDBC store a test pool in place of a JNDI lookup. */
@Alternative
@Priority(1)
@ApplicationScoped
public class TestJdbcDataSource extends JdbcDataSource {

    private static volatile DataSource current;

    @Inject
    public TestJdbcDataSource(SessionSettings settings) {
        super(settings);
    }

    protected TestJdbcDataSource() {
    }

    /** Sets the data source that containers started afterwards use. */
    public static void use(DataSource dataSource) {
        current = dataSource;
    }

    @Override
    public DataSource get() {
        return current;
    }
}
