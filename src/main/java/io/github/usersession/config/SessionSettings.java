package io.github.usersession.config;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The validated {@code usersession.*} configuration. Created by {@link SettingsReader}, which
 * documents each key.
 *
 * @param store the name of the active store
 * @param cookieName the session cookie's name
 * @param httpOnly whether the cookie is hidden from scripts
 * @param sameSite the cookie's {@code SameSite} attribute
 * @param secure when the cookie gets the {@code Secure} attribute
 * @param cookiePath the cookie's path; empty for the application's context path
 * @param cookieDomain the cookie's domain; empty for a host-only cookie
 * @param maxAge the absolute lifetime of a session, from its creation
 * @param idleTimeout the lifetime of a session from its last access; zero when off
 * @param idleTouchInterval how long after the last access a read-only request records a new access
 * @param memoryMaxSessions the maximum number of sessions in the memory store
 * @param secret the cookie store's secret as UTF-8 bytes; empty when not configured
 * @param previousSecrets earlier secrets that still open cookies, newest first
 * @param maxChunks the maximum number of cookies one session value is split over
 * @param trustForwardedHeaders whether {@code Forwarded} and {@code X-Forwarded-Proto} tell HTTPS
 * @param maxQueuedFlashes the maximum number of flashes a session keeps queued
 * @param jdbc the JDBC store's settings
 * @param redis the Redis store's settings
 */
public record SessionSettings(
        String store,
        String cookieName,
        boolean httpOnly,
        SameSite sameSite,
        SecureMode secure,
        String cookiePath,
        String cookieDomain,
        Duration maxAge,
        Duration idleTimeout,
        Duration idleTouchInterval,
        int memoryMaxSessions,
        Secret secret,
        List<Secret> previousSecrets,
        int maxChunks,
        boolean trustForwardedHeaders,
        int maxQueuedFlashes,
        JdbcSettings jdbc,
        RedisSettings redis) {

    public SessionSettings {
        Objects.requireNonNull(store, "store must not be null");
        Objects.requireNonNull(cookieName, "cookieName must not be null");
        Objects.requireNonNull(sameSite, "sameSite must not be null");
        Objects.requireNonNull(secure, "secure must not be null");
        Objects.requireNonNull(cookiePath, "cookiePath must not be null");
        Objects.requireNonNull(cookieDomain, "cookieDomain must not be null");
        Objects.requireNonNull(maxAge, "maxAge must not be null");
        Objects.requireNonNull(idleTimeout, "idleTimeout must not be null");
        Objects.requireNonNull(idleTouchInterval, "idleTouchInterval must not be null");
        Objects.requireNonNull(secret, "secret must not be null");
        previousSecrets = List.copyOf(previousSecrets);
        Objects.requireNonNull(jdbc, "jdbc must not be null");
        Objects.requireNonNull(redis, "redis must not be null");
    }

    /** Tells whether sessions also expire after {@link #idleTimeout()} without access. */
    public boolean hasIdleTimeout() {
        return !idleTimeout.isZero();
    }

    /** The configured cookie path, if one is set. */
    public Optional<String> configuredCookiePath() {
        return cookiePath.isEmpty() ? Optional.empty() : Optional.of(cookiePath);
    }

    /** The configured cookie domain, if one is set. */
    public Optional<String> configuredCookieDomain() {
        return cookieDomain.isEmpty() ? Optional.empty() : Optional.of(cookieDomain);
    }
}
