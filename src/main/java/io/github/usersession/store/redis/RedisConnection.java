package io.github.usersession.store.redis;

import java.time.Duration;
import java.util.function.Supplier;

import io.github.usersession.config.RedisSettings;

import io.lettuce.core.AbstractRedisClient;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulConnection;
import io.lettuce.core.cluster.ClusterClientOptions;
import io.lettuce.core.cluster.RedisClusterClient;
import io.lettuce.core.cluster.api.async.RedisClusterAsyncCommands;

/**
 * One thread-safe Lettuce connection to a standalone, Sentinel-managed or clustered Redis, with
 * bounded timeouts: commands fail at once while the connection is down, and it reconnects by itself.
 */
final class RedisConnection implements AutoCloseable {

    private final AbstractRedisClient client;
    private final StatefulConnection<String, String> connection;
    private final RedisClusterAsyncCommands<String, String> commands;

    private RedisConnection(AbstractRedisClient client, StatefulConnection<String, String> connection,
                            RedisClusterAsyncCommands<String, String> commands) {
        this.client = client;
        this.connection = connection;
        this.commands = commands;
    }

    static RedisConnection open(RedisSettings settings) {
        // NOTE: TLS (rediss://) and passwords reach Lettuce unchanged; the tests cover standalone,
        // Sentinel and Cluster servers without them.
        RedisURI uri = RedisURI.create(settings.uri());

        if (settings.cluster()) {
            RedisClusterClient client = RedisClusterClient.create(uri);
            client.setOptions(bounded(ClusterClientOptions.builder(), settings).build());
            return connectOrShutDown(client, () -> {
                var connection = client.connect();
                return new RedisConnection(client, connection, connection.async());
            });
        }

        RedisClient client = RedisClient.create(uri);
        client.setOptions(bounded(ClientOptions.builder(), settings).build());
        return connectOrShutDown(client, () -> {
            var connection = client.connect();
            return new RedisConnection(client, connection, connection.async());
        });
    }

    /** Connects, and shuts the client's threads down when that fails, so that a retry leaks nothing. */
    private static RedisConnection connectOrShutDown(AbstractRedisClient client, Supplier<RedisConnection> connect) {
        try {
            return connect.get();
        } catch (RuntimeException e) {
            client.shutdown(Duration.ZERO, Duration.ZERO);
            throw e;
        }
    }

    /** Sets the options that bound every wait: timeouts, and rejecting commands while disconnected. */
    private static <B extends ClientOptions.Builder> B bounded(B builder, RedisSettings settings) {
        builder.autoReconnect(true);
        builder.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
        builder.socketOptions(SocketOptions.builder().connectTimeout(settings.timeout()).build());
        builder.timeoutOptions(TimeoutOptions.enabled(settings.timeout()));
        return builder;
    }

    RedisClusterAsyncCommands<String, String> commands() {
        return commands;
    }

    @Override
    public void close() {
        connection.close();
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
    }
}
