package io.github.usersession.testing;

import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import io.lettuce.core.RedisClient;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanIterator;
import io.lettuce.core.api.StatefulRedisConnection;

/** The Redis server the Redis store tests use: 127.0.0.1:6379 unless USERSESSION_TEST_REDIS_URI names another. */
public final class TestRedis {

    private TestRedis() {
    }

    public static String uri() {
        String configured = System.getenv("USERSESSION_TEST_REDIS_URI");
        return configured == null || configured.isBlank() ? "redis://127.0.0.1:6379" : configured;
    }

    /** Returns a key prefix no other test uses. */
    public static String uniquePrefix() {
        return "ut" + Integer.toHexString(ThreadLocalRandom.current().nextInt(0x100000, 0xFFFFFF)) + ":";
    }

    /** Returns the settings of a Redis store with the prefix, plus more keys. */
    public static Map<String, String> config(String prefix, String... more) {
        java.util.Map<String, String> config = new java.util.HashMap<>(Map.of("usersession.store", "redis",
                "usersession.redis.uri", uri(), "usersession.redis.key-prefix", prefix));
        for (int i = 0; i < more.length; i += 2) {
            config.put(more[i], more[i + 1]);
        }
        return config;
    }

    /** Deletes every key with the prefix. */
    public static void deleteKeys(String prefix) {
        RedisClient client = RedisClient.create(uri());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            ScanIterator.scan(connection.sync(), ScanArgs.Builder.matches(prefix + "*").limit(500))
                    .forEachRemaining(key -> connection.sync().del(key));
        } finally {
            client.shutdown();
        }
    }
}
