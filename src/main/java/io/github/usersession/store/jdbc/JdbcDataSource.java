package io.github.usersession.store.jdbc;

import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

import io.github.usersession.SessionStoreException;
import io.github.usersession.config.SessionSettings;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Looks up the JDBC store's data source in JNDI, by {@code usersession.jdbc.datasource}. */
@ApplicationScoped
public class JdbcDataSource {

    private final String jndiName;
    private volatile DataSource dataSource;

    @Inject
    public JdbcDataSource(SessionSettings settings) {
        this.jndiName = settings.jdbc().dataSource();
    }

    /** Needed by CDI to create the client proxy. */
    protected JdbcDataSource() {
        this.jndiName = null;
    }

    /**
     * Returns the data source.
     *
     * @throws SessionStoreException when no data source has that JNDI name
     */
    public DataSource get() {
        DataSource current = dataSource;
        if (current == null) {
            try {
                current = InitialContext.doLookup(jndiName);
            } catch (NamingException e) {
                throw new SessionStoreException("No data source has the JNDI name '" + jndiName
                        + "' (usersession.jdbc.datasource): " + e.getMessage()
                        + ". Define that data source on the server, or set the key to one that exists.", e);
            }
            dataSource = current;
        }
        return current;
    }
}
