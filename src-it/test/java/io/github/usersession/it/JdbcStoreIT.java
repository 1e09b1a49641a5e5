package io.github.usersession.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.as.arquillian.api.ServerSetup;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
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
        return DemoDeployments.demo("jdbc", Map.of("usersession.store", "jdbc", "usersession.jdbc.cleanup-interval", "1s"));
    }

    @Test
    void cleanupRunsOnServerScheduler() throws InterruptedException {
        browser.putText("app/api/values/color", "red");

        // The store starts its cleanup task on first use; wait (bounded) for the first run's log line.
        boolean ran = false;
        for (int attempt = 0; attempt < 40 && !ran; attempt++) {
            ran = ServerLog.lines().stream().anyMatch(line -> line.contains("Deleted ") && line.contains(" expired JDBC sessions"));
            if (!ran) {
                Thread.sleep(250);
            }
        }

        assertThat(ran).as("a cleanup run logged in the server log").isTrue();
        assertThat(ServerLog.lines()).noneMatch(line -> line.contains("USESS-0106"));
    }

    @Override
    boolean trustsForwardedHeaders() {
        return false;
    }
}
