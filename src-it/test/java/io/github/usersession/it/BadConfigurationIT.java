package io.github.usersession.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;

import org.jboss.arquillian.container.test.api.Deployer;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Deployments with invalid usersession configuration fail, naming every bad key. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class BadConfigurationIT {

    static final String MISSING_SECRET = "missing-secret";
    static final String BAD_VALUES = "bad-values";
    static final String REDIS_WITHOUT_CLIENT = "redis-without-client";

    @ArquillianResource
    Deployer deployer;

    @Deployment(name = MISSING_SECRET, managed = false, testable = false)
    static WebArchive missingSecret() {
        return DemoDeployments.demo(MISSING_SECRET, Map.of("usersession.store", "cookie"));
    }

    @Deployment(name = BAD_VALUES, managed = false, testable = false)
    static WebArchive badValues() {
        return DemoDeployments.demo(BAD_VALUES, Map.of(
                "usersession.store", "redis-cluster",
                "usersession.max-age", "forever",
                "usersession.secret", "too-short-secret",
                "usersession.cookie.same-site", "sometimes"));
    }

    @Deployment(name = REDIS_WITHOUT_CLIENT, managed = false, testable = false)
    static WebArchive redisWithoutClient() {
        return DemoDeployments.demo(REDIS_WITHOUT_CLIENT, Map.of("usersession.store", "redis"));
    }

    @Test
    void redisStoreWithoutLettuceNamesTheArtifact() {
        String failure = deployFailure(REDIS_WITHOUT_CLIENT);

        assertThat(failure).contains("USESS-0017: usersession.store is 'redis', but the Redis client Lettuce is missing."
                + " Add the Maven artifact io.lettuce:lettuce-core to the WAR");
    }

    @Test
    void cookieStoreWithoutSecretFailsDeployment() {
        String failure = deployFailure(MISSING_SECRET);

        assertThat(failure).contains("USESS-0002").contains("usersession.secret is missing");
    }

    @Test
    void everyBadKeyIsReported() {
        String failure = deployFailure(BAD_VALUES);

        assertThat(failure)
                .contains("USESS-0001: usersession.store is 'redis-cluster'")
                .contains("USESS-0004: usersession.max-age is 'forever'")
                .contains("USESS-0003: usersession.secret is <16 bytes, hidden>")
                .contains("USESS-0006: usersession.cookie.same-site is 'sometimes'")
                .doesNotContain("too-short-secret");
    }

    private String deployFailure(String name) {
        Throwable failure = catchThrowable(() -> deployer.deploy(name));
        try {
            deployer.undeploy(name);
        } catch (RuntimeException e) {
            // A failed deployment may already be gone.
        }

        assertThat(failure).as("deployment %s must fail", name).isNotNull();
        StringWriter trace = new StringWriter();
        failure.printStackTrace(new PrintWriter(trace));
        return trace.toString();
    }
}
