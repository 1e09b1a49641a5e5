package io.github.usersession.testing;

import java.util.Map;
import java.util.Set;

import io.github.usersession.config.SessionSettings;
import io.github.usersession.config.SettingsReader;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;

/** Settings read from properties, the way a deployment reads them. */
public final class TestSettings {

    public static final String SECRET = "0123456789abcdef0123456789abcdef";

    private TestSettings() {
    }

    public static SessionSettings read(Map<String, String> properties) {
        return SettingsReader.read(new SmallRyeConfigBuilder()
                .withSources(new PropertiesConfigSource(properties, "test", 500))
                .build(), Set.of("memory", "cookie", "jdbc", "redis"));
    }
}
