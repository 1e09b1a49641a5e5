package io.github.usersession.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URL;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The demo with the JDBC store on PostgreSQL, through the data source that
 * wildfly-config/postgresql-datasource.cli adds to the running WildFly.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@EnabledIfSystemProperty(named = "arquillian.launch", matches = "wildfly")
class PostgresDataSourceIT {

    static final String NAME = "jdbc-postgresql";
    static final String PREFIX = "it_usersession_";

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = NAME, managed = false, testable = false)
    static WebArchive deployment() {
        return DemoDeployments.demo(NAME, Map.of("usersession.store", "jdbc",
                "usersession.jdbc.datasource", "java:jboss/datasources/UserSessionDS",
                "usersession.jdbc.table-prefix", PREFIX));
    }

    /** Runs the user's CLI script against the test server, as the README shows it. */
    static void applyScript() throws IOException, InterruptedException {
        Path cli = Path.of(System.getProperty("jboss.home"), "bin", "jboss-cli.sh");
        String controller = System.getProperty("wildfly.bind-address", "127.0.0.1") + ":9990";
        Process process = new ProcessBuilder(cli.toString(), "--connect", "--controller=" + controller,
                "--file=wildfly-config/postgresql-datasource.cli")
                .redirectErrorStream(true)
                .start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);

        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as("jboss-cli output: %s", output).isZero();
    }

    @Test
    void demoFlowsOnPostgresql() throws Exception {
        URL base = new URL("http://" + System.getProperty("wildfly.bind-address", "127.0.0.1") + ":8080/" + NAME + "/");
        applyScript();
        applyScript();
        deployer.deploy(NAME);
        try {
            Browser browser = new Browser(base);

            HttpResponse<String> login = browser.postForm("app/login", Map.of("username", "alice", "password", "wonderland"));
            HttpResponse<String> page = browser.follow(login);
            HttpResponse<String> reload = browser.get("app/");
            browser.putText("app/api/values/color", "😀 red");
            HttpResponse<String> color = browser.get("app/api/values/color");
            HttpResponse<String> logout = browser.postForm("app/logout", Map.of());
            HttpResponse<String> after = browser.get("app/api/session");

            assertThat(login.statusCode()).isEqualTo(303);
            assertThat(page.body()).contains("Welcome!").contains("Signed in as <strong>alice</strong>");
            assertThat(reload.body()).doesNotContain("Welcome!");
            assertThat(color.body()).isEqualTo("😀 red");
            assertThat(logout.statusCode()).isEqualTo(303);
            assertThat(after.body()).contains("\"guest\":true");
            assertThat(List.of(Browser.sessionSetCookies(login).get(0))).allSatisfy(header ->
                    assertThat(header).contains("HttpOnly"));
        } finally {
            deployer.undeploy(NAME);
            dropTables();
        }
    }

    /** Drops the tables the deployment created, so that the shared test database stays clean. */
    static void dropTables() throws SQLException {
        String url = System.getenv().getOrDefault("USERSESSION_TEST_POSTGRESQL_URL",
                "jdbc:postgresql://127.0.0.1:5432/test?user=postgres");
        try (Connection connection = DriverManager.getConnection(url); Statement statement = connection.createStatement()) {
            for (String table : List.of("flash", "attribute", "session")) {
                statement.execute("DROP TABLE IF EXISTS " + PREFIX + table);
            }
        }
    }
}
