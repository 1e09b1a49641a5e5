package io.github.usersession.config;

import java.time.Duration;
import java.util.Objects;

/**
 * The Redis store's settings, read by {@link SettingsReader}.
 *
 * @param uri the Redis URI: standalone, TLS ({@code rediss://}), with a password, or Sentinel
 * @param keyPrefix the prefix of every key the store writes
 * @param timeout the command and connect timeout
 * @param cluster whether the URI points at a Redis Cluster
 */
public record RedisSettings(String uri, String keyPrefix, Duration timeout, boolean cluster) {

    public RedisSettings {
        Objects.requireNonNull(uri, "uri must not be null");
        Objects.requireNonNull(keyPrefix, "keyPrefix must not be null");
        Objects.requireNonNull(timeout, "timeout must not be null");
    }

    /** The URI without its password, safe to log. */
    public String maskedUri() {
        return uri.replaceAll("//[^@/]*@", "//***@");
    }
}
