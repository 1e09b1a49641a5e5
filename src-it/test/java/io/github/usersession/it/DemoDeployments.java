package io.github.usersession.it;

import java.io.File;
import java.util.Map;
import java.util.stream.Collectors;

import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.importer.ZipImporter;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Builds test deployments from the demo WAR that the build packaged, exactly as users deploy
 * it (the library as a jar in WEB-INF/lib), with the given MicroProfile Config properties.
 */
final class DemoDeployments {

    private static final String CONFIG_PATH = "META-INF/microprofile-config.properties";

    private DemoDeployments() {
    }

    /**
     * Returns the demo WAR under a new name with the given configuration.
     *
     * @param name the WAR name without ".war"; also the context path
     * @param config the properties for WEB-INF/classes/META-INF/microprofile-config.properties
     */
    /**
     * Returns the demo WAR with Lettuce and its dependencies in WEB-INF/lib, as an application
     * that chooses the Redis store bundles them.
     */
    static WebArchive demoWithRedisClient(String name, Map<String, String> config) {
        WebArchive archive = demo(name, config);
        File[] jars = new File(System.getProperty("redis.lib", "target/redis-lib")).listFiles((dir, file) -> file.endsWith(".jar"));
        if (jars == null || jars.length == 0) {
            throw new IllegalStateException("No Lettuce jars in target/redis-lib; run the build's package phase first");
        }
        return archive.addAsLibraries(jars);
    }

    static WebArchive demo(String name, Map<String, String> config) {
        File demoWar = new File(System.getProperty("demo.war", "target/usersession-demo.war"));
        WebArchive archive = ShrinkWrap.create(ZipImporter.class, name + ".war")
                .importFrom(demoWar)
                .as(WebArchive.class);

        String properties = config.entrySet().stream()
                .map(entry -> entry.getKey() + "=" + entry.getValue())
                .collect(Collectors.joining("\n", "", "\n"));
        return archive.addAsResource(new StringAsset(properties), CONFIG_PATH);
    }
}
