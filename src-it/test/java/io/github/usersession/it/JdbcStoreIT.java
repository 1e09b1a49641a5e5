package io.github.usersession.it;

import java.util.Map;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.as.arquillian.api.ServerSetup;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The demo with the JDBC store on the server's default data source, java:comp/DefaultDataSource,
 * which is H2 on both servers: no set-up at all.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@ServerSetup(DebugLogging.class)
class JdbcStoreIT extends SessionFlows {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return DemoDeployments.demo("jdbc", Map.of("usersession.store", "jdbc"));
    }

    @Override
    boolean trustsForwardedHeaders() {
        return false;
    }
}
