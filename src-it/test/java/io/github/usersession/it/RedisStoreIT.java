package io.github.usersession.it;

import java.util.Map;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.as.arquillian.api.ServerSetup;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.extension.ExtendWith;

/** The demo with the Redis store on this machine's Redis, Lettuce bundled in the WAR. */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
@ServerSetup(DebugLogging.class)
class RedisStoreIT extends SessionFlows {

    @Deployment(testable = false)
    static WebArchive deployment() {
        String uri = System.getenv().getOrDefault("USERSESSION_TEST_REDIS_URI", "redis://127.0.0.1:6379");
        return DemoDeployments.demoWithRedisClient("redis", Map.of("usersession.store", "redis",
                "usersession.redis.uri", uri, "usersession.redis.key-prefix", "it-usersession:"));
    }

    @Override
    boolean trustsForwardedHeaders() {
        return false;
    }
}
